import Domain
import Foundation

// Demo data for three municipalities of the Krasnodar region, built from the
// documents in shared/seeds. Schools with a status, leader schools and the
// orders come from the seeds; everything else (people, addresses, logins, GIA
// codes, the extra "ordinary" schools, the orders of assignment marked
// "invented" below) is invented. No person here bears the name of a person
// named in the seeds.
//
// Where each status comes from:
//
// город Армавир (plans by calendar year)
// - 2020 (the 2020/2021 school year, keyed 2020): МБОУ ООШИ № 1 «Казачья»,
//   МАОУ-СОШ № 25, МБОУ-СОШ № 2 — seed 003: «в школах с низкими
//   образовательными результатами (МБОУООШИ № 1 «КАЗАЧЬЯ», МАОУ – СОШ № 25,
//   МБОУ – СОШ № 2) … в 2020-2021 учебном году». «500+»: seed 003 «в
//   муниципальном образовании город Армавир модель методического
//   сопровождения проекта «500+» сложилась…» and seed 002 (order of the
//   education department of 01.04.2021 № 182 «Об организации работы по
//   оказанию методической помощи общеобразовательным организациям с низкими
//   образовательными результатами в рамках проекта 500+» в 2021 году») —
//   an inference, said so in the note. No status order is named: order empty.
// - 2025: МБОУ-СОШ № 6, МБОУ-СОШ № 17 — seed 000: «С января по декабрь 2025
//   года в рамках МНЦ осуществлено сопровождение мероприятий адресной
//   поддержки МБОУ-СОШ № 6, МБОУ-СОШ № 17 (школы с рисками низких результатов
//   обучения)» («МБОУ-СОШ №36,17» elsewhere in the seed is a misprint of
//   №№ 6,17). Order: the roadmap for 2025, «приказа … Центр … от 9 января
//   2025 года № 9/1».
// - Leader schools: МБОУ-СОШ № 19 and МАОУ СОШ № 18 с УИОП, home schools of
//   the curator-mentors in seed 003 («заместитель директора по
//   учебно-методической работе МБОУ – СОШ № 19», «… МАОУ СОШ № 18 с УИОП»).
//
// Ленинградский район (plans by school year)
// - 2021 (school year 2021/2022): seed 001 «В программу поддержки ШНОР в 2022
//   году вошли десять общеобразовательных организаций муниципалитета (МАОУ
//   СОШ № 2, 11 МБОУ СОШ № 4, 7, 8, 10, 12, 14, МБОУ ООШ №22, 27) МАОУ СОШ
//   № 2, МБОУ СОШ № 7,8 приняли участие в реализации федерального проекта
//   «500+»». The report sums up the monitoring of October 2022 (ВПР and
//   ОГЭ/ЕГЭ 2022, testing in April 2022, ШМО monitoring 01–15.08.2022): the
//   school year it describes is 2021/2022. «11» is read as МАОУ (the list);
//   the same seed later writes «МБОУ СОШ № 10, 11, 12, 17». СОШ № 17 («Улучшились
//   результаты ОГЭ и ЕГЭ в МБОУ СОШ № 10, 11, 12, 17») has no status.
//   No order number for the list: order empty.
// - Leader schools: seed 001 «В число наставников входят директора
//   эффективных и результативных школ … : МБОУ СОШ гимназия, МАОУ СОШ № 6»;
//   МБОУ СОШ № 1 is an invented third leader school.
//
// Кавказский район (plans by school year)
// - 2024 (school year 2024/2025): seed 004 «В программу поддержки ШНОР в
//   2024-2025 учебном году вошли 2 общеобразовательные организации (МБОУ СОШ
//   № 10, МБОУ СОШ № 12)». No order number: order empty.
// - Leader schools: seed 004 says «За школьными управленческими командами
//   закреплены школы-лидеры» without naming them; МАОУ СОШ № 1 and МАОУ СОШ
//   № 3 of Кропоткин are invented.
//
// Orders of assignment (DemoAssignment): Armavir 2020 uses the order of
// 01.04.2021 № 182 (seed 002; its title, not its text, is known); Armavir 2025,
// Leningradsky 2021 and Kavkazsky 2024 orders are invented (the seeds say
// «приказом управления образования … закреплены наставники» without a number).

/// Labels of the statuses from a year on (the names changed: seeds 000, 004).
public struct DemoStatusLabel: Sendable, Equatable {
    public var fromYear: Int
    public var lowResults: String
    public var difficult: String
}

public struct DemoMunicipality: Sendable {
    public var code: String
    public var name: String
    public var fisOkoCode: String
    public var planningPeriod: PlanningPeriod
    public var centerName: String
    public var statusLabels: [DemoStatusLabel]
}

public struct DemoSchool: Sendable {
    public var municipalityCode: String
    public var draft: SchoolDraft
    public var statuses: [SchoolStatusDraft]
    public var isLeader: Bool
}

public struct DemoPerson: Sendable {
    public var municipalityCode: String
    /// nil: works at the municipality's center.
    public var schoolCode: String?
    public var draft: PersonDraft
}

/// `schoolCode` is the supported school; for `.tutorTeacher` it is the
/// teacher's school (given for convenience, the teacher alone defines it).
public struct DemoAssignment: Sendable {
    public var kind: AssignmentKind
    public var personStaffCode: String?
    public var schoolCode: String?
    public var leaderSchoolCode: String?
    public var teacherStaffCode: String?
    public var orderNumber: String
    /// дд.мм.гггг
    public var orderDate: String
    public var fromYear: Int
}

public enum DemoCatalog {
    public static let regionName = "Краснодарский край"
    public static let regionCode = "23"
    public static let municipalities: [DemoMunicipality] = DemoSchoolSpecs.municipalities
    public static let schools: [DemoSchool] = DemoBuild.result.schools
    public static let people: [DemoPerson] = DemoBuild.result.people
    public static let assignments: [DemoAssignment] = DemoBuild.result.assignments

    public static func municipality(_ code: String) -> DemoMunicipality? {
        municipalities.first { $0.code == code }
    }
}
