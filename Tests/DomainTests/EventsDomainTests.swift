import Domain
import Foundation
import Testing

@Suite("Events: rules, coverage, iCalendar, calendar days") struct EventsDomainTests {
    static func day(_ s: String) -> CalendarDay { CalendarDay(iso: s)! }

    @Test func coverageOnHandMadeNumbers() {
        let (t1, t2, t3, t4, d1) = (UUID(), UUID(), UUID(), UUID(), UUID())
        let (u1, u2) = (UUID(), UUID())
        let a = EventCoverage.School(code: "A", name: "Школа А", teachers: [t1, t2, t3, t4], people: [t1, t2, t3, t4, d1])
        let b = EventCoverage.School(code: "B", name: "Школа Б", teachers: [u1, u2], people: [u1, u2])
        let empty = EventCoverage.School(code: "C", name: "Школа В", teachers: [], people: [])
        let events = [
            // In the period and signed off: t1, t2 and the director of A; u1 of B.
            EventCoverage.Event(id: UUID(), day: Self.day("2026-02-10"), signedOff: true, audience: [.teachers], attended: [t1, t2, u1]),
            EventCoverage.Event(id: UUID(), day: Self.day("2026-03-01"), signedOff: true, audience: [.management, .shmo], attended: [d1, t1]),
            // Not signed off, and out of the period: count nowhere.
            EventCoverage.Event(id: UUID(), day: Self.day("2026-03-02"), signedOff: false, audience: [.teachers], attended: [t3, u2]),
            EventCoverage.Event(id: UUID(), day: Self.day("2026-07-01"), signedOff: true, audience: [.teachers], attended: [t4]),
        ]
        let r = EventCoverage.compute([b, a, empty], events: events, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        #expect(r.map(\.code) == ["A", "B", "C", "municipality"])
        #expect(r[0].teachers == 4 && r[0].attended == 2 && r[0].events == 2 && r[0].groups == [.teachers, .management, .shmo])
        #expect(r[0].share == Rational(1, 2))
        #expect(r[1].attended == 1 && r[1].events == 1 && r[1].groups == [.teachers] && r[1].share == Rational(1, 2))
        #expect(r[2].share == nil && r[2].events == 0)
        #expect(r[3].teachers == 6 && r[3].attended == 3 && r[3].events == 2 && r[3].share == Rational(1, 2))
        let values = Dictionary(uniqueKeysWithValues: EventCoverage.values(r[0]).map { ($0.figure, $0.value) })
        #expect(values == ["teachers": "4", "attended": "2", "share": "0.5", "events": "2", "groups_covered": "3"])
        #expect(EventCoverage.values(r[2]).first { $0.figure == "share" }?.value == "")
        #expect(EventCoverage.values(r[0]).first { $0.figure == "share" }?.ru == "50,0 %")
        let csv = EventCoverage.csv(EventCoverage.rows(r))
        #expect(csv.hasPrefix("school_code,school,figure,value\nA,Школа А,teachers,4\n"))
        #expect(csv.contains("C,Школа В,share,\n"))
    }

    @Test func eventFormRulesSayWhatToFix() {
        var i = EventInput()
        i.title = " "; i.kind = "lecture"; i.format = "remote"; i.day = "31.02.2026"; i.start = "25:00"; i.end = "10:00"; i.capacity = "-1"; i.link = "ftp://x"
        let (d, errors) = EventRules.check(i)
        #expect(d == nil)
        #expect(Set(errors.map(\.field)) == ["title", "kind", "day", "start", "capacity", "link", "audience"])
        i = EventInput()
        i.title = "Вебинар"; i.kind = "webinar"; i.format = "mixed"; i.day = "2026-03-10"; i.start = "15:00"; i.end = "15:00"; i.audience = ["teachers"]
        #expect(EventRules.check(i).1.map(\.field).sorted() == ["end", "link", "place"])
        i.end = "16:00"; i.place = "Центр"; i.link = "https://example.org/w"; i.capacity = ""
        let ok = EventRules.check(i).0
        #expect(ok?.capacity == 0 && ok?.day == Self.day("2026-03-10") && ok?.start.text == "15:00" && ok?.audience == [.teachers])
    }

    @Test func registrationAndSignOffRefusals() {
        let today = Self.day("2026-03-10")
        #expect(EventRules.registrationRefusal(state: .published, day: today, today: today, capacity: 2, registered: 1) == nil)
        #expect(EventRules.registrationRefusal(state: .published, day: today, today: today, capacity: 2, registered: 2) == "Мест нет: записано 2 из 2.")
        #expect(EventRules.registrationRefusal(state: .published, day: today, today: today, capacity: 0, registered: 500) == nil)
        #expect(EventRules.registrationRefusal(state: .published, day: today.adding(days: -1), today: today, capacity: 0, registered: 0)?.contains("прошло") == true)
        #expect(EventRules.registrationRefusal(state: .draft, day: today, today: today, capacity: 0, registered: 0)?.contains("не опубликовано") == true)
        #expect(EventRules.signOffRefusal(state: .published, day: today, today: today) == nil)
        #expect(EventRules.signOffRefusal(state: .published, day: today.adding(days: 1), today: today)?.contains("ещё не состоялось") == true)
        #expect(EventRules.signOffRefusal(state: .held, day: today, today: today) == "Посещаемость уже подписана.")
        let (mine, theirs) = (UUID(), UUID())
        #expect(EventRules.foreignTeachers(named: [mine, theirs], ofSchool: [mine]) == [theirs])
    }

    @Test func halfYearsAndCalendarDays() {
        let h = HalfYear(of: Self.day("2026-07-01"))
        #expect(h.code == "2026-2" && h.first == Self.day("2026-07-01") && h.last == Self.day("2026-12-31") && h.next.code == "2027-1")
        #expect(HalfYear(code: "2026-3") == nil && HalfYear(code: "2026-1")?.previous.code == "2025-2")
        #expect(EventCalendar.weekday(Self.day("2026-03-09")) == 0, "a Monday")
        let grid = EventCalendar.monthGrid(containing: Self.day("2026-03-15"))
        #expect(grid.count == 6 && grid[0][0] == Self.day("2026-02-23") && grid[5][6] == Self.day("2026-04-05"))
        #expect(EventCalendar.week(containing: Self.day("2026-03-15")).map(\.day) == [9, 10, 11, 12, 13, 14, 15])
        #expect(EventCalendar.addingMonths(Self.day("2026-12-20"), 1) == Self.day("2027-01-01"))
    }

    @Test func iCalendarIsFoldedEscapedAndParsesBack() {
        let start = Date(timeIntervalSince1970: 1_773_140_400) // 2026-03-10T11:00:00Z
        let summary = "Семинар, часть 1; «Оценивание» \\ итоги\nвторая строка — и длинный хвост, чтобы строка точно превысила 75 октетов"
        let text = ICalendar.render(name: "Мероприятия", events: [
            ICalendar.Event(uid: "e1@opora", start: start, end: start.addingTimeInterval(5400), summary: summary, location: "Центр, ауд. 1", url: "https://example.org/w")
        ], stamp: start)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        let physical = text.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = ICalendar.contentLines(text)
        #expect(lines.first { $0.name == "DTSTART" }?.value == "20260310T110000Z")
        #expect(lines.first { $0.name == "DTEND" }?.value == "20260310T123000Z")
        #expect(lines.first { $0.name == "SUMMARY" }.map { ICalendar.unescape($0.value) } == summary)
        #expect(lines.first { $0.name == "SUMMARY" }?.value.hasPrefix("Семинар\\, часть 1\\; «Оценивание» \\\\ итоги\\nвторая") == true)
        #expect(lines.first { $0.name == "URL" }?.value == "https://example.org/w")
        #expect(ICalendar.escape("a,b;c\\d\r\ne") == "a\\,b\\;c\\\\d\\ne")
        // A fold never splits a UTF-8 sequence: every physical line is valid text of whole characters.
        #expect(ICalendar.fold(String(repeating: "ж", count: 80)).components(separatedBy: "\r\n").map { $0.utf8.count } == [74, 75, 13, 0])
    }
}
