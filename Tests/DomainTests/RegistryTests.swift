import Foundation
import Testing
@testable import Domain
import DemoData

@Suite("Registry rules and formats") struct RegistryTests {
    @Test func fisOkoLogins() {
        #expect(FisOkoLogin.digits("edu233001") == "233001")
        #expect(FisOkoLogin.digits("SCH233001") == "233001")
        #expect(FisOkoLogin.digits("233001") == "233001")
        #expect(FisOkoLogin.digits("edu23300") == nil)
        #expect(FisOkoLogin.digits("abc233001") == nil)
        #expect(FisOkoLogin.find(in: "МБОУ «СОШ №1 г.Урус-Мартан»(edu203389)") == "203389")
        #expect(FisOkoLogin.find(in: "Урус-Мартановский муниципальный район(reg20_m012)") == nil)
        #expect(FisOkoMunicipalityCode.isValid("reg23_m012"))
        #expect(!FisOkoMunicipalityCode.isValid("reg23-m012"))
    }

    @Test func yearLabels() {
        #expect(YearLabel.parse("2024/2025") == 2024)
        #expect(YearLabel.parse("2024/25") == 2024)
        #expect(YearLabel.parse("2024-2025") == 2024)
        #expect(YearLabel.parse("2025") == 2025)
        #expect(YearLabel.parse("2024/2026") == nil)
        #expect(YearLabel.parse("20x5") == nil)
        #expect(YearLabel.label(2024, period: .schoolYear) == "2024/2025")
        #expect(YearLabel.label(2025, period: .calendarYear) == "2025")
        var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "UTC")!
        #expect(YearLabel.currentSchoolYear(RuFormat.parseDate("31.08.2026")!, calendar: cal) == 2025)
        #expect(YearLabel.currentSchoolYear(RuFormat.parseDate("01.09.2026")!, calendar: cal) == 2026)
    }

    @Test func russianNumbersAndDates() {
        #expect(RuFormat.integer(1234567) == "1\u{2009}234\u{2009}567")
        #expect(RuFormat.decimal(1234.5) == "1\u{2009}234,5")
        #expect(RuFormat.decimal(-0.069, digits: 3) == "−0,069")
        #expect(RuFormat.decimal(0.0004, digits: 3) == "0,000")
        #expect(RuFormat.parseDecimal("12,5") == 12.5)
        #expect(RuFormat.parseDecimal("1 234,5") == 1234.5)
        #expect(RuFormat.parseDecimal("1,2,3") == nil)
        let d = RuFormat.parseDate("09.01.2025")!
        #expect(RuFormat.date(d, timeZone: TimeZone(identifier: "Europe/Moscow")!) == "09.01.2025")
        #expect(RuFormat.isoDate(RuFormat.parseDate("2025-01-09")!) == "2025-01-09")
        #expect(RuFormat.parseDate("31.02.2025") == nil)
    }

    @Test func schoolDraftValidation() {
        let bad = SchoolDraft(code: "a b", fullName: "Шк", shortName: "", kind: "Колледж", email: "x", fisOkoLogin: "edu1", giaCode: "12a").validate()
        #expect(Set(bad.map(\.field)) == ["code", "full_name", "short_name", "kind", "fis_oko_login", "gia_code", "email"])
        let good = SchoolDraft(code: "ARM-006", fullName: "МБОУ СОШ № 6 города Армавира", shortName: "МБОУ СОШ № 6", kind: "СОШ", fisOkoLogin: "sch233006")
        #expect(good.validate().isEmpty)
        #expect(good.normalized().fisOkoLogin == "233006")
    }

    @Test func personDraftValidation() {
        let e = PersonDraft(staffCode: "", lastName: "Иванов2", firstName: "", functions: [.tutor]).validate()
        #expect(Set(e.map(\.field)) == ["staff_code", "last_name", "first_name", "subjects"])
        #expect(PersonDraft.parseSubjects("Русский язык, Литература; История") == ["Русский язык", "Литература", "История"])
        #expect(PersonFunction.parse("Куратор-наставник") == .curator)
        #expect(QualificationCategory.parse("высшая") == .highest)
        #expect(QualificationCategory.parse("вторая") == nil)
        #expect(PersonDraft(lastName: "Иванова", firstName: "Анна", middleName: "Петровна").shortName == "Иванова А. П.")
    }

    @Test func demoCatalogIsConsistent() {
        let codes = DemoCatalog.schools.map(\.draft.code)
        #expect(Set(codes).count == codes.count)
        #expect(DemoCatalog.municipalities.count == 3)
        // Seed 001: ten ШНОР in Leningradsky district, three in «500+»; СОШ № 17 named without a status.
        let len = DemoCatalog.schools.filter { $0.municipalityCode == DemoCatalog.municipalities[1].code }
        #expect(len.filter { $0.statuses.contains { $0.lowResults } }.count == 10)
        #expect(len.filter { $0.statuses.contains { $0.program500 } }.count == 3)
        #expect(len.first { $0.draft.shortName.hasSuffix("№ 17") }?.statuses.isEmpty == true)
        #expect(DemoCatalog.schools.allSatisfy { $0.draft.validate().isEmpty })
        #expect(DemoCatalog.people.allSatisfy { $0.draft.validate().isEmpty })
    }

    /// Every number of a school's context is in `SchoolContextDraft.figures` once (the form,
    /// the import, the card and the table read that list), and each is checked and shown by it.
    @Test func contextFiguresCoverEveryNumberOfTheDraft() {
        let numbers = Mirror(reflecting: SchoolContextDraft(year: 2025)).children.filter { $0.value is Int? || $0.value is Double? }
        let figures = SchoolContextDraft.figures
        #expect(numbers.count == figures.count + 1, "the year and one figure per optional number")   // `year` is an Int
        #expect(Set(figures.map(\.key)).count == figures.count)
        var d = SchoolContextDraft(year: 2025, studentsCount: -3, lowIncomeShare: 120, socialWellbeingIndex: 1.5, nokoCompletion: 101)
        #expect(d.validate().map(\.field) == ["students_count", "low_income_share", "noko_completion"])
        #expect(d.validate().last?.message == "Процент выполнения — число от 0 до 100.")
        d.studentsCount = 1234; d.socialWellbeingIndex = 0.875
        let byKey = Dictionary(uniqueKeysWithValues: figures.map { ($0.key, d.formatted($0)) })
        #expect(byKey["students_count"] == "1\u{2009}234" && byKey["social_wellbeing_index"] == "0,88" && byKey["low_income_share"] == "120,0")
        #expect(byKey["teachers_count"] == .some(nil))
    }

    @Test func schoolDraftFromJSONNeedsOnlyTheDocumentedFields() throws {
        let d = try JSONDecoder().decode(SchoolDraft.self, from: Data(#"{"code":"X-1","fullName":"Школа № 1","shortName":"СОШ № 1"}"#.utf8))
        #expect(d == SchoolDraft(code: "X-1", fullName: "Школа № 1", shortName: "СОШ № 1"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SchoolDraft.self, from: Data(#"{"code":"X-1","fullName":"Школа"}"#.utf8)) }
        let full = SchoolDraft(code: "A", fullName: "B", shortName: "C", kind: "СОШ", email: "a@b.ru", fisOkoLogin: "edu233001")
        #expect(try JSONDecoder().decode(SchoolDraft.self, from: JSONEncoder().encode(full)) == full)
    }
}
