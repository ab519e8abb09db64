/// A refused change of a route or of its step; `message` is Russian and says what to do.
public struct RouteRefusal: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Who may move an individual educational route (ИОМ) and its steps between states.
///
/// Route: the owner drafts it; the tutor or mentor agrees it (draft → agreed); the
/// supporter or the center returns it for revision (agreed → draft); anyone puts an
/// agreed route in force (agreed → active); the supporter or the center completes it
/// (active → completed). A route in force is corrected through its steps, not by taking
/// it back; a completed route is final.
///
/// Step: planned → in progress → done, or planned → done; an open step may be
/// cancelled with a reason; only the supporter reopens a done step (done → in
/// progress); a cancelled step is final.
public enum RouteWorkflow {
    static let routeRules = TransitionTable<RouteState>([
        .init(.draft, .agreed, by: [.supporter], action: "Согласовать маршрут"),
        .init(.agreed, .draft, by: [.supporter, .center], action: "Вернуть маршрут на доработку"),
        .init(.agreed, .active, by: [.owner, .supporter, .center], action: "Ввести маршрут в действие"),
        .init(.active, .completed, by: [.supporter, .center], action: "Завершить маршрут"),
    ])

    static let stepRules = TransitionTable<RouteStepStatus>([
        .init(.planned, .inProgress, by: [.owner, .supporter, .center], action: "Начать шаг"),
        .init(.planned, .done, by: [.owner, .supporter, .center], action: "Отметить шаг выполненным"),
        .init(.inProgress, .done, by: [.owner, .supporter, .center], action: "Отметить шаг выполненным"),
        .init(.planned, .cancelled, by: [.owner, .supporter, .center], action: "Отменить шаг"),
        .init(.inProgress, .cancelled, by: [.owner, .supporter, .center], action: "Отменить шаг"),
        .init(.done, .inProgress, by: [.supporter], action: "Вернуть выполненный шаг в работу"),
    ])

    // MARK: route

    public static func allowed(from: RouteState, to: RouteState, by actor: RouteActor) -> Bool {
        routeRules.allowed(from, to, by: actor)
    }

    /// The states `actor` may move a route to from `state`, in `RouteState` order.
    public static func next(from state: RouteState, by actor: RouteActor) -> [RouteState] {
        routeRules.next(from: state, by: actor)
    }

    /// Why the change is refused, in Russian; nil when it is allowed.
    public static func refusal(from: RouteState, to: RouteState, by actor: RouteActor) -> String? {
        routeRules.refusal(from, to, by: actor, otherwise: {
            from == .completed ? "Завершённый маршрут изменить нельзя."
                : "Маршрут нельзя перевести из состояния «\(from.title)» в состояние «\(to.title)»."
        })
    }

    // MARK: steps

    /// Why the step change is refused, in Russian; nil when it is allowed. Cancelling
    /// needs a reason that is not blank.
    public static func stepRefusal(from: RouteStepStatus, to: RouteStepStatus, reason: String?, by actor: RouteActor) -> String? {
        if let refusal = stepRules.refusal(from, to, by: actor, otherwise: {
            from == .cancelled ? "Отменённый шаг изменить нельзя."
                : "Шаг нельзя перевести из состояния «\(from.title)» в состояние «\(to.title)»."
        }) { return refusal }
        if to == .cancelled, (reason ?? "").allSatisfy(\.isWhitespace) { return "Укажите причину отмены шага." }
        return nil
    }

    /// Checks a step change; throws the Russian refusal.
    public static func stepChange(from: RouteStepStatus, to: RouteStepStatus, reason: String?, by actor: RouteActor) throws(RouteRefusal) {
        if let message = stepRefusal(from: from, to: to, reason: reason, by: actor) { throw RouteRefusal(message) }
    }

    /// The statuses `actor` may move a step to from `status` (cancelling still needs a reason).
    public static func nextSteps(from status: RouteStepStatus, by actor: RouteActor) -> [RouteStepStatus] {
        stepRules.next(from: status, by: actor)
    }

    /// A step is overdue when its due day has passed (due < today) and it is still
    /// planned or in progress. A step without a due day is never overdue.
    public static func isOverdue(step due: CalendarDay?, status: RouteStepStatus, today: CalendarDay) -> Bool {
        guard let due else { return false }
        return status.isOpen && due < today
    }
}

/// Allowed changes between the states of a `TitledTerm`, each with the actors who may
/// make it and the action a refusal names.
struct TransitionTable<State: TitledTerm>: Sendable {
    struct Rule: Sendable {
        let from: State, to: State
        let actors: Set<RouteActor>
        let action: String
        init(_ from: State, _ to: State, by actors: Set<RouteActor>, action: String) {
            self.from = from; self.to = to; self.actors = actors; self.action = action
        }
    }

    let rules: [Rule]
    init(_ rules: [Rule]) { self.rules = rules }

    func rule(_ from: State, _ to: State) -> Rule? { rules.first { $0.from == from && $0.to == to } }

    func allowed(_ from: State, _ to: State, by actor: RouteActor) -> Bool {
        rule(from, to)?.actors.contains(actor) ?? false
    }

    func next(from: State, by actor: RouteActor) -> [State] {
        State.allCases.filter { allowed(from, $0, by: actor) }
    }

    /// Nil when allowed; «<action> может только <who>.» when the change exists but not
    /// for this actor; `otherwise()` when there is no such change.
    func refusal(_ from: State, _ to: State, by actor: RouteActor, otherwise: () -> String) -> String? {
        guard let rule = rule(from, to) else { return otherwise() }
        if rule.actors.contains(actor) { return nil }
        let nouns = RouteActor.allCases.filter(rule.actors.contains).flatMap(\.nouns)
        let who = nouns.count > 1 ? nouns.dropLast().joined(separator: ", ") + " или " + nouns[nouns.count - 1] : nouns.joined()
        return "\(rule.action) может только \(who)."
    }
}
