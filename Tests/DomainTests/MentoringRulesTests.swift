import Foundation
import Testing
@testable import Domain

/// A day from ISO text, for readable tests.
private func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

@Suite("Mentoring center and tutor point: rules") struct MentoringRulesTests {
    // MARK: CalendarDay

    @Test func calendarDayParsesAndFormats() {
        let d = CalendarDay(iso: "2026-09-01")
        #expect(d == CalendarDay(year: 2026, month: 9, day: 1))
        #expect(CalendarDay(ru: "01.09.2026") == d)
        #expect(CalendarDay.parse(" 1.9.2026 ") == d)
        #expect(CalendarDay.parse("2026-09-01") == d)
        #expect(d?.iso == "2026-09-01")
        #expect(d?.ru == "01.09.2026")
        #expect(CalendarDay(iso: "2026-02-29") == nil)
        #expect(CalendarDay(iso: "2028-02-29") != nil)
        #expect(CalendarDay(iso: "1900-02-29") == nil)
        #expect(CalendarDay(iso: "2000-02-29") != nil)
        #expect(CalendarDay(iso: "2026-13-01") == nil)
        #expect(CalendarDay(iso: "01.09.2026") == nil)
        #expect(CalendarDay(ru: "2026-09-01") == nil)
        #expect(CalendarDay.parse("26-09-01") == nil)
        #expect(CalendarDay.parse("2026-09-01x") == nil)
        #expect(CalendarDay.parse("") == nil)
    }

    @Test func calendarDayArithmetic() {
        #expect(day("2028-02-29").adding(days: 1) == day("2028-03-01"))
        #expect(day("2027-02-28").adding(days: 1) == day("2027-03-01"))
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2026-03-01").adding(days: -1) == day("2026-02-28"))
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("2000-03-01").dayNumber == 11_017)
        #expect(CalendarDay.days(from: day("2026-09-01"), to: day("2027-09-01")) == 365)
        #expect(CalendarDay.days(from: day("2027-09-01"), to: day("2028-09-01")) == 366)
        #expect(CalendarDay.days(from: day("2026-11-30"), to: day("2026-11-02")) == -28)
        #expect(day("2026-08-31") < day("2026-09-01"))
        #expect(day("2025-12-31") < day("2026-01-01"))
        // Every day of a leap cycle goes through the day number and back.
        var d = day("2024-01-01")
        for n in d.dayNumber..<(d.dayNumber + 1461) {
            #expect(CalendarDay(dayNumber: n) == d)
            d = d.adding(days: 1)
        }
    }

    @Test func calendarDayDatesAndCoding() throws {
        let moscow = TimeZone(identifier: "Europe/Moscow")!
        let start = day("2026-09-01").date(timeZone: moscow)
        #expect(start == Date(timeIntervalSince1970: 1_788_210_000)) // 2026-08-31T21:00:00Z
        #expect(CalendarDay(date: start, timeZone: moscow) == day("2026-09-01"))
        #expect(CalendarDay(date: start, timeZone: TimeZone(identifier: "UTC")!) == day("2026-08-31"))
        let data = try JSONEncoder().encode([day("2026-09-01")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-09-01"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: Data(#"["01.09.2026"]"#.utf8)) == [day("2026-09-01")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: Data(#"["31.09.2026"]"#.utf8)) }
    }

    // MARK: terms

    @Test func termsParseRussianTitlesAndEnglishAliases() {
        #expect(InteractionForm.parse("Мастер-класс") == .masterClass)
        #expect(InteractionForm.parse("  ВЫЕЗД В ШКОЛУ ") == .schoolVisit)
        #expect(InteractionForm.parse("lesson_observation") == .lessonObservation)
        #expect(InteractionForm.parse("Тьюториал") == .tutorial)
        #expect(InteractionForm.parse("вебинар") == nil)
        #expect(InteractionFormat.parse("очно") == .inPerson)
        #expect(InteractionFormat.parse("Дистанционно") == .remote)
        #expect(InteractionFormat.parse("онлайн") == .remote)
        #expect(InteractionFormat.parse("IN_PERSON") == .inPerson)
        #expect(DeficitArea.parse("Психолого-педагогические") == .psychoPedagogical)
        #expect(DeficitArea.parse("psycho_pedagogical") == .psychoPedagogical)
        #expect(DeficitArea.parse("Методические / качество урока") == .methodological)
        #expect(DeficitArea.parse("Оценочная деятельность педагога") == .assessment)
        #expect(DeficitSource.parse("expert") == .expertAssessment)
        #expect(DeficitSource.parse("Протокол посещения урока") == .lessonObservation)
        #expect(RouteStepKind.parse("Консультация тьютора") == .tutorConsultation)
        #expect(RouteStepKind.parse("self_education") == .selfEducation)
        // «ё» and «е» are one letter for parsing.
        #expect(RouteStepStatus.parse("Отменен") == .cancelled)
        #expect(RouteStepStatus.parse("отменён") == .cancelled)
        #expect(RouteStepStatus.parse("in_progress") == .inProgress)
        #expect(RouteState.parse("Завершен") == .completed)
        #expect(RouteState.parse("согласован") == .agreed)
        #expect(SupportPool.parse("Куратор-наставник") == .curator)
        #expect(SupportPool.parse("tutor") == .tutor)
        #expect(SupportPool.parse("") == nil)
        #expect(SubjectCompetenceIndicator.allCases.count == 5)
        #expect(SubjectCompetenceIndicator.parse("qualification_category") == .qualificationCategory)
    }

    /// No two terms of a list share a spelling, or `parse` would depend on the order.
    @Test func termSpellingsAreUnambiguous() {
        func check<T: TitledTerm>(_: T.Type) {
            let spellings = T.allCases.flatMap { t in ([t.rawValue, t.title] + t.aliases).map { (TermKey.fold($0), t) } }
            for (text, term) in spellings { #expect(T.parse(text) == term, "\(T.self): \(text)") }
        }
        check(InteractionForm.self); check(InteractionFormat.self); check(DeficitArea.self); check(DeficitSource.self)
        check(RouteStepKind.self); check(RouteStepStatus.self); check(RouteState.self); check(SupportPool.self)
        check(SubjectCompetenceIndicator.self); check(RouteActor.self)
    }

    // MARK: routes

    @Test func routeTransitionsByRole() {
        typealias W = RouteWorkflow
        #expect(W.allowed(from: .draft, to: .agreed, by: .supporter))
        #expect(!W.allowed(from: .draft, to: .agreed, by: .owner))
        #expect(!W.allowed(from: .draft, to: .agreed, by: .center))
        #expect(W.allowed(from: .agreed, to: .draft, by: .supporter))
        #expect(W.allowed(from: .agreed, to: .draft, by: .center))
        #expect(!W.allowed(from: .agreed, to: .draft, by: .owner))
        for actor in RouteActor.allCases { #expect(W.allowed(from: .agreed, to: .active, by: actor)) }
        #expect(W.allowed(from: .active, to: .completed, by: .supporter))
        #expect(W.allowed(from: .active, to: .completed, by: .center))
        #expect(!W.allowed(from: .active, to: .completed, by: .owner))
        for actor in RouteActor.allCases {
            #expect(!W.allowed(from: .active, to: .agreed, by: actor))
            #expect(!W.allowed(from: .draft, to: .active, by: actor))
            #expect(W.next(from: .completed, by: actor).isEmpty)
        }
        #expect(W.next(from: .draft, by: .supporter) == [.agreed])
        #expect(W.next(from: .draft, by: .owner) == [])
        #expect(W.next(from: .agreed, by: .center) == [.draft, .active])
        #expect(W.next(from: .agreed, by: .owner) == [.active])
        #expect(W.next(from: .active, by: .owner) == [])
    }

    @Test func routeRefusalsSayWhoMay() {
        typealias W = RouteWorkflow
        #expect(W.refusal(from: .draft, to: .agreed, by: .supporter) == nil)
        #expect(W.refusal(from: .draft, to: .agreed, by: .owner) == "Согласовать маршрут может только тьютор или наставник.")
        #expect(W.refusal(from: .draft, to: .agreed, by: .center) == "Согласовать маршрут может только тьютор или наставник.")
        #expect(W.refusal(from: .agreed, to: .draft, by: .owner)
                == "Вернуть маршрут на доработку может только тьютор, наставник или специалист центра.")
        #expect(W.refusal(from: .active, to: .completed, by: .owner)
                == "Завершить маршрут может только тьютор, наставник или специалист центра.")
        #expect(W.refusal(from: .active, to: .agreed, by: .center)
                == "Маршрут нельзя перевести из состояния «Действует» в состояние «Согласован».")
        #expect(W.refusal(from: .completed, to: .active, by: .center) == "Завершённый маршрут изменить нельзя.")
    }

    @Test func stepStatusChanges() throws {
        typealias W = RouteWorkflow
        try W.stepChange(from: .planned, to: .inProgress, reason: nil, by: .owner)
        try W.stepChange(from: .planned, to: .done, reason: nil, by: .owner)
        try W.stepChange(from: .inProgress, to: .done, reason: nil, by: .supporter)
        try W.stepChange(from: .inProgress, to: .cancelled, reason: "Курсы перенесены ИРО", by: .owner)
        try W.stepChange(from: .done, to: .inProgress, reason: nil, by: .supporter)
        let noReason = RouteRefusal("Укажите причину отмены шага.")
        #expect(throws: noReason) { try W.stepChange(from: .planned, to: .cancelled, reason: nil, by: .supporter) }
        #expect(throws: noReason) { try W.stepChange(from: .inProgress, to: .cancelled, reason: "  \n", by: .center) }
        #expect(throws: RouteRefusal("Вернуть выполненный шаг в работу может только тьютор или наставник.")) {
            try W.stepChange(from: .done, to: .inProgress, reason: nil, by: .owner)
        }
        #expect(W.stepRefusal(from: .done, to: .inProgress, reason: nil, by: .center) != nil)
        #expect(W.stepRefusal(from: .inProgress, to: .planned, reason: nil, by: .supporter)
                == "Шаг нельзя перевести из состояния «Выполняется» в состояние «Запланирован».")
        #expect(W.stepRefusal(from: .done, to: .cancelled, reason: "поздно", by: .supporter) != nil)
        // A cancelled step is final, for everyone, with or without a reason.
        for actor in RouteActor.allCases {
            #expect(W.nextSteps(from: .cancelled, by: actor).isEmpty)
            for to in RouteStepStatus.allCases {
                #expect(W.stepRefusal(from: .cancelled, to: to, reason: "причина", by: actor) == "Отменённый шаг изменить нельзя.")
            }
        }
        #expect(W.nextSteps(from: .planned, by: .owner) == [.inProgress, .done, .cancelled])
        #expect(W.nextSteps(from: .done, by: .supporter) == [.inProgress])
        #expect(W.nextSteps(from: .done, by: .owner) == [])
    }

    @Test func overdueSteps() {
        let today = day("2026-11-30")
        #expect(RouteWorkflow.isOverdue(step: day("2026-11-29"), status: .planned, today: today))
        #expect(RouteWorkflow.isOverdue(step: day("2026-11-29"), status: .inProgress, today: today))
        #expect(!RouteWorkflow.isOverdue(step: day("2026-11-30"), status: .planned, today: today))
        #expect(!RouteWorkflow.isOverdue(step: day("2026-11-29"), status: .done, today: today))
        #expect(!RouteWorkflow.isOverdue(step: day("2026-11-29"), status: .cancelled, today: today))
        #expect(!RouteWorkflow.isOverdue(step: nil, status: .planned, today: today))
    }

    // MARK: deficits

    @Test func deficitClosesOnlyByALaterDiagnostic() {
        let deficit = ProfessionalDeficit(teacher: "T1", school: "S1", area: .subject, date: day("2026-08-20"), source: .iroTest)
        #expect(deficit.year == 2026)
        let sameDay = DiagnosticResult(teacher: "T1", area: .subject, date: day("2026-08-20"), hasDeficit: false)
        let otherArea = DiagnosticResult(teacher: "T1", area: .assessment, date: day("2027-04-15"), hasDeficit: false)
        let otherTeacher = DiagnosticResult(teacher: "T2", area: .subject, date: day("2027-04-15"), hasDeficit: false)
        let stillThere = DiagnosticResult(teacher: "T1", area: .subject, date: day("2026-09-20"), hasDeficit: true)
        let earlier = DiagnosticResult(teacher: "T1", area: .subject, date: day("2026-04-15"), hasDeficit: false)
        let open = [sameDay, otherArea, otherTeacher, stillThere, earlier]
        #expect(!DeficitRules.isClosed(deficit, diagnostics: []))
        #expect(!DeficitRules.isClosed(deficit, diagnostics: open))
        let closing = DiagnosticResult(teacher: "T1", area: .subject, date: day("2027-04-15"), hasDeficit: false)
        let later = DiagnosticResult(teacher: "T1", area: .subject, date: day("2027-09-15"), hasDeficit: false)
        #expect(DeficitRules.isClosed(deficit, diagnostics: open + [later, closing]))
        #expect(DeficitRules.closingDiagnostic(of: deficit, in: open + [later, closing]) == closing)
    }

    @Test func diagnosticsYearStartsInAugust() {
        #expect(DeficitRules.diagnosticsYear(of: day("2026-07-31")) == 2025)
        #expect(DeficitRules.diagnosticsYear(of: day("2026-08-01")) == 2026)
        #expect(DeficitRules.diagnosticsYear(of: day("2027-01-15")) == 2026)
        #expect(ProfessionalDeficit(teacher: "T", school: "S", area: .digital, date: day("2027-04-10")).year == 2026)
        #expect(ProfessionalDeficit(teacher: "T", school: "S", area: .digital, date: day("2027-04-10"), year: 2027).year == 2027)
    }

    @Test func groupDeficitsBySchoolAndMunicipality() {
        func d(_ t: String, _ s: String, _ a: DeficitArea) -> ProfessionalDeficit {
            ProfessionalDeficit(teacher: t, school: s, area: a, date: day("2026-08-25"))
        }
        let deficits = [
            d("A1", "SA", .subject), d("A2", "SA", .subject), d("A3", "SA", .subject), d("A1", "SA", .subject),
            d("A1", "SA", .assessment), d("A2", "SA", .assessment),
            d("B1", "SB", .subject), d("B1", "SB", .digital), d("B2", "SB", .digital),
            d("B1", "SB", .assessment),
        ]
        let groups = DeficitRules.groupDeficits(deficits)
        let rows = groups.map { "\($0.school ?? "—") \($0.area.rawValue) \($0.teacherCount) \($0.teachers.joined(separator: ","))" }
        #expect(rows == [
            "— subject 4 A1,A2,A3,B1",
            "SA subject 3 A1,A2,A3",
            "— assessment 3 A1,A2,B1",
            "SA assessment 2 A1,A2",
            "— digital 2 B1,B2",
            "SB digital 2 B1,B2",
        ])
        #expect(DeficitRules.groupDeficits(deficits, minTeachers: 4).map(\.teachers) == [["A1", "A2", "A3", "B1"]])
    }

    // MARK: capacity and quiet pairs

    @Test func assignmentSpans() {
        let span = AssignmentSpan(from: day("2026-09-01"), to: day("2026-12-31"))
        #expect(span.isActive(on: day("2026-09-01")))
        #expect(span.contains(day("2026-12-31")))
        #expect(!span.isActive(on: day("2026-08-31")))
        #expect(!span.isActive(on: day("2027-01-01")))
        #expect(AssignmentSpan().isActive(on: day("1990-01-01")))
        #expect(AssignmentSpan(to: day("2026-09-01")).contains(day("2000-01-01")))
        #expect(span.overlaps(AssignmentSpan(from: day("2026-12-31"))))
        #expect(!span.overlaps(AssignmentSpan(from: day("2027-01-01"))))
        #expect(span.overlaps(AssignmentSpan(to: day("2026-09-01"))))
        #expect(!span.overlaps(AssignmentSpan(to: day("2026-08-31"))))
        #expect(AssignmentSpan().overlaps(span))
        let empty = AssignmentSpan(from: day("2026-10-01"), to: day("2026-09-30"))
        #expect(empty.isEmpty && !empty.overlaps(span) && !empty.isActive(on: day("2026-09-30")))
    }

    @Test func capacityOverAndAt() {
        let spans = [
            AssignmentSpan(from: day("2026-09-01")),
            AssignmentSpan(from: day("2025-09-01"), to: day("2026-05-31")),
            AssignmentSpan(to: day("2026-11-30")),
            AssignmentSpan(from: day("2026-12-01")),
        ]
        #expect(Capacity.load(assignments: spans, at: day("2026-11-30")) == 2)
        #expect(Capacity.load(assignments: spans, at: day("2026-12-01")) == 2)
        #expect(Capacity.load(assignments: spans, at: day("2026-01-10")) == 2)
        #expect(Capacity.effective(personal: nil, municipalDefault: 5) == 5)
        #expect(Capacity.effective(personal: 2, municipalDefault: 5) == 2)
        #expect(!Capacity.isOver(load: 2, capacity: 2))
        #expect(Capacity.isOver(load: 3, capacity: 2))
        #expect(Capacity.wouldExceed(currentLoad: 2, capacity: 2))
        #expect(!Capacity.wouldExceed(currentLoad: 1, capacity: 2))
    }

    @Test func quietPairs() {
        let to = day("2026-11-30")
        let open = AssignmentSpan(from: day("2026-09-01"))
        // Exactly N days since the last contact: not quiet; N + 1: quiet.
        #expect(!PairHealth.isQuiet(span: open, lastContact: day("2026-11-02"), at: to))
        #expect(PairHealth.isQuiet(span: open, lastContact: day("2026-11-01"), at: to))
        #expect(!PairHealth.isQuiet(span: open, lastContact: day("2026-11-20"), at: to, thresholdDays: 10))
        #expect(PairHealth.isQuiet(span: open, lastContact: day("2026-11-19"), at: to, thresholdDays: 10))
        // Without contacts, counted from the start of the assignment.
        #expect(!PairHealth.isQuiet(span: AssignmentSpan(from: day("2026-11-02")), lastContact: nil, at: to))
        #expect(PairHealth.isQuiet(span: AssignmentSpan(from: day("2026-11-01")), lastContact: nil, at: to))
        // Neither a contact nor a start: quiet.
        #expect(PairHealth.isQuiet(span: AssignmentSpan(), lastContact: nil, at: to))
        // A contact after `to` is not seen from `to`.
        #expect(PairHealth.isQuiet(span: open, lastContact: day("2026-12-05"), at: to))
        // An ended (or not yet started) assignment is never quiet.
        #expect(!PairHealth.isQuiet(span: AssignmentSpan(from: day("2026-01-01"), to: day("2026-11-29")), lastContact: nil, at: to))
        #expect(!PairHealth.isQuiet(span: AssignmentSpan(from: day("2026-12-01")), lastContact: nil, at: to))
        #expect(PairHealth.lastContact(in: [day("2026-10-01"), day("2026-12-05"), day("2026-11-02")], onOrBefore: to) == day("2026-11-02"))
        #expect(PairHealth.lastContact(in: [day("2026-12-05")], onOrBefore: to) == nil)
    }
}
