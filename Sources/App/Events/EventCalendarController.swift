import Vapor
import Fluent
import Views
import Domain

/// The calendar (month and week) of the events a user reads, and the secret iCalendar feeds of a
/// user (their registrations; the center: its municipality's programme) and of a school (its
/// people's registrations). A feed's address holds a random token; only its hash is stored, and
/// renewing it makes the old address answer 404.
enum EventCalendarController {
    struct Query: PageQuery {
        var view: String, date: CalendarDay?
        static let keys = ["view", "date"]
        init(_ q: QueryValues) { view = q.string("view") == "week" ? "week" : "month"; date = q.string("date").flatMap(CalendarDay.parse) }
        var items: [String: String] { .query([("view", view), ("date", date?.iso)]) }
    }

    static func visibleEvents(_ req: Request, from: CalendarDay, to: CalendarDay) async throws -> [EventRecord] {
        let ids = try await EventService.municipalities(req).map(\.id)
        return try await EventRecord.query(on: req.db).filter(\.$municipalityID ~~ ids).filter(\.$state != EventState.draft.rawValue)
            .filter(\.$day >= from.iso).filter(\.$day <= to.iso).sort(\.$day).sort(\.$startTime).all()
    }

    static func cell(_ d: CalendarDay, _ byDay: [String: [EventRecord]], month: Int, today: CalendarDay) -> EventPages.DayCell {
        var c = EventPages.DayCell()
        c.iso = d.iso; c.number = String(d.day); c.weekday = EventCalendar.weekdayNames[EventCalendar.weekday(d)] + ", " + d.ru
        c.inMonth = d.month == month; c.today = d == today
        c.events = (byDay[d.iso] ?? []).map { (time: $0.start.text, title: $0.title + ($0.eventState == .cancelled ? " (отменено)" : ""), url: SiteURL.event($0.id!.uuidString).path) }
        return c
    }

    static func page(_ req: Request, feedURL: String? = nil, feedOwner: String = "") async throws -> Response {
        let q = req.query(Query.self)
        let today = EventService.today(req)
        let day = q.date ?? today
        var model = EventPages.CalendarModel()
        model.view = q.view; model.csrf = req.csrfToken; model.feedAction = SiteURL.eventFeedRenew.path; model.feedURL = feedURL; model.feedOwner = feedOwner
        model.monthURL = SiteURL.eventCalendar(view: "month", date: day.iso).path; model.weekURL = SiteURL.eventCalendar(view: "week", date: day.iso).path
        model.todayURL = SiteURL.eventCalendar(view: q.view, date: today.iso).path
        if q.view == "week" {
            let days = EventCalendar.week(containing: day)
            let byDay = Dictionary(grouping: try await visibleEvents(req, from: days[0], to: days[6]), by: \.day)
            model.days = days.map { cell($0, byDay, month: day.month, today: today) }
            model.title = "неделя \(days[0].ru) — \(days[6].ru)"
            model.prevURL = SiteURL.eventCalendar(view: "week", date: day.adding(days: -7).iso).path
            model.nextURL = SiteURL.eventCalendar(view: "week", date: day.adding(days: 7).iso).path
        } else {
            let weeks = EventCalendar.monthGrid(containing: day)
            let byDay = Dictionary(grouping: try await visibleEvents(req, from: weeks[0][0], to: weeks[weeks.count - 1][6]), by: \.day)
            model.weeks = weeks.map { $0.map { cell($0, byDay, month: day.month, today: today) } }
            model.title = "\(EventCalendar.monthNames[day.month - 1]) \(day.year)"
            model.prevURL = SiteURL.eventCalendar(view: "month", date: EventCalendar.addingMonths(day, -1).iso).path
            model.nextURL = SiteURL.eventCalendar(view: "month", date: EventCalendar.addingMonths(day, 1).iso).path
        }
        let p = try req.principal()
        let user = try req.requireUser()
        model.userFeedExists = try await EventFeed.query(on: req.db).filter(\.$ownerKind == EventFeed.Owner.user.rawValue).filter(\.$ownerID == user.id).first() != nil
        let schools = Access.applyingSchools(p)
        if !schools.isEmpty {
            model.schoolFeeds = try await School.query(on: req.db).filter(\.$id ~~ Array(schools)).all().map { Views.Option($0.id!.uuidString, "школы \($0.shortName)") }
        }
        return EventsController.render(req, EventPages.calendar(model))
    }

    @Sendable static func calendar(req: Request) async throws -> Response { try await page(req) }

    /// A new secret address for the user's own feed, or for a school's (its administration).
    @Sendable static func renew(req: Request) async throws -> Response {
        let f = FormFields(req)
        let user = try req.requireUser()
        var kind = EventFeed.Owner.user, owner = user.id, title = "вашего календаря"
        if f["owner"] != "user" && !f["owner"].isEmpty {
            guard let sid = f.uuid("owner"), let school = try await School.find(sid, on: req.db) else { throw AppError.notFound("Школа") }
            guard Access.canApply(for: school.place, try req.principal()) else { throw AppError.forbidden }
            kind = .school; owner = sid; title = "календаря \(school.shortName)"
        }
        let label = "Ссылка \(title)"
        let token = Tokens.random()
        let feed = try await EventFeed.query(on: req.db).filter(\.$ownerKind == kind.rawValue).filter(\.$ownerID == owner).first() ?? EventFeed()
        let renewed = feed.id != nil
        feed.ownerKind = kind.rawValue; feed.ownerID = owner; feed.tokenHash = Tokens.sha256(token)
        let municipality = try await EventService.homes(req).first
        try await req.db.transaction { db in
            try await feed.save(on: db)
            try await Audit.record(req, on: db, renewed ? .update : .create, entity: "event_feed", id: feed.id, label: label + (renewed ? " обновлена" : " выдана"),
                                   municipalityID: municipality)
        }
        let base = EventService.publicBase(req)
        return try await page(req, feedURL: base + SiteURL.eventFeed(token).path, feedOwner: label.replacingOccurrences(of: "Ссылка ", with: ""))
    }

    /// The feed itself (no sign-in: the token is the key).
    @Sendable static func feed(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard token.count >= 20, let feed = try await EventFeed.query(on: req.db).filter(\.$tokenHash == Tokens.sha256(token)).first() else {
            throw AppError.notFound("Календарь")
        }
        let events: [EventRecord]
        let name: String
        if feed.ownerKind == EventFeed.Owner.school.rawValue {
            guard let school = try await School.find(feed.ownerID, on: req.db) else { throw AppError.notFound("Календарь") }
            let people = try await Person.query(on: req.db).filter(\.$school.$id == school.id!).all().compactMap(\.id)
            let ids = Set(try await EventRegistration.query(on: req.db).filter(\.$person.$id ~~ people).all().map(\.$event.id))
            events = try await EventRecord.query(on: req.db).filter(\.$id ~~ Array(ids)).filter(\.$state != EventState.draft.rawValue).sort(\.$day).all()
            name = "Мероприятия: \(school.shortName)"
        } else {
            guard let user = try await User.find(feed.ownerID, on: req.db) else { throw AppError.notFound("Календарь") }
            let centers = try await RoleGrant.query(on: req.db).filter(\.$user.$id == user.id!).all()
                .compactMap { $0.role == Role.centerSpecialist.rawValue ? $0.municipalityID : nil }
            var ids: Set<UUID> = []
            if let pid = user.$person.id { ids = Set(try await EventRegistration.query(on: req.db).filter(\.$person.$id == pid).all().map(\.$event.id)) }
            var q = EventRecord.query(on: req.db).filter(\.$state != EventState.draft.rawValue)
            q = centers.isEmpty ? q.filter(\.$id ~~ Array(ids)) : q.group(.or) { $0.filter(\.$id ~~ Array(ids)).filter(\.$municipalityID ~~ centers) }
            events = try await q.sort(\.$day).all()
            name = "Мероприятия: \(user.displayName)"
        }
        let zones = Dictionary(try await Municipality.query(on: req.db).filter(\.$id ~~ Array(Set(events.map(\.municipalityID)))).all().map { ($0.id!, $0.zone) },
                               uniquingKeysWith: { a, _ in a })
        let base = EventService.publicBase(req)
        let items = events.map { e -> ICalendar.Event in
            let (start, end) = EventService.interval(e, zone: zones[e.municipalityID] ?? EventService.zone)
            let kind = e.eventKind?.title ?? e.kind
            return ICalendar.Event(uid: "\(e.id!.uuidString.lowercased())@opora", start: start, end: end, summary: e.title, location: e.place, url: e.link,
                                   description: [kind, e.eventFormat?.title ?? "", e.speakers.isEmpty ? "" : "Выступают: \(e.speakers)",
                                                 base.isEmpty ? "" : base + SiteURL.event(e.id!.uuidString).path].filter { !$0.isEmpty }.joined(separator: "\n"),
                                   cancelled: e.eventState == .cancelled)
        }
        let res = Response(status: .ok, body: .init(string: ICalendar.render(name: name, events: items, stamp: req.now)))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        return res
    }
}
