import Domain
import Foundation

/// A school before its director is known (DemoPeople invents the director).
struct DemoSchoolSpec: Sendable {
    var municipalityCode: String
    var draft: SchoolDraft
    var statuses: [SchoolStatusDraft]
    var isLeader: Bool
}

/// Municipalities and schools; see the top of DemoCatalog.swift for the seed
/// passage behind each status.
enum DemoSchoolSpecs {
    static let municipalities: [DemoMunicipality] = [
        DemoMunicipality(code: "armavir", name: "город Армавир", fisOkoCode: "reg23_m003", planningPeriod: .calendarYear,
                         centerName: "МКУ «Центр развития образования и оценки качества»",
                         statusLabels: [
                            .init(fromYear: 2020, lowResults: "Школа с низкими образовательными результатами (ШНОР)",
                                  difficult: "Школа, функционирующая в сложных социальных условиях (ШССУ)"),
                            .init(fromYear: 2025, lowResults: "Школа с рисками низких результатов обучения",
                                  difficult: "Школа, функционирующая в сложных социальных условиях (ШССУ)"),
                         ]),
        DemoMunicipality(code: "leningradsky", name: "Ленинградский район", fisOkoCode: "reg23_m027", planningPeriod: .schoolYear,
                         centerName: "МКУ ДПО «Центр развития образования»",
                         statusLabels: [
                            .init(fromYear: 2021, lowResults: "Школа с низкими результатами обучения (ШНОР)",
                                  difficult: "Школа, функционирующая в сложных социальных условиях (ШССУ)"),
                         ]),
        DemoMunicipality(code: "kavkazsky", name: "Кавказский район", fisOkoCode: "reg23_m017", planningPeriod: .schoolYear,
                         centerName: "МКУ ОМЦ",
                         statusLabels: [
                            .init(fromYear: 2024, lowResults: "Школа с рисками низких результатов (ШНОР)",
                                  difficult: "Школа, функционирующая в неблагоприятных социальных условиях"),
                         ]),
    ]

    static let all: [DemoSchoolSpec] = armavir + leningradsky + kavkazsky

    // MARK: город Армавир

    static let armavirNote2020 = "По данным аналитической справки «О выполнении мероприятий Дорожной карты по методическому сопровождению школ с низкими образовательными результатами в муниципальном образовании город Армавир» за 2020–2021 учебный год (записан как 2020). Участие в проекте «500+» — вывод: справка описывает сопровождение этих школ как «модель методического сопровождения проекта «500+»»; см. также приказ управления образования от 01.04.2021 № 182. Приказ об установлении статуса в документах не назван."
    static let armavirNote2025 = "Школа с рисками низких результатов обучения в 2025 году: Дорожная карта на 2025 год утверждена приказом МКУ «Центр развития образования и оценки качества» от 09.01.2025 № 9/1; школа названа в аналитической справке об итогах её реализации (утверждена приказом Центра от 24.12.2025 № 29)."

    static let armavir: [DemoSchoolSpec] = [
        arm(1, kind: "ООШИ", name: " «Казачья»", street: "ул. Кропоткина, 95",
            statuses: [status(2020, p500: true, note: armavirNote2020)]),
        arm(2, street: "ул. Ефремова, 154", statuses: [status(2020, p500: true, note: armavirNote2020)]),
        arm(3, street: "ул. Ленина, 207"),
        arm(5, "МАОУ", street: "ул. Мира, 36"),
        arm(6, street: "ул. Советской Армии, 28",
            statuses: [status(2025, order: "9/1", date: "09.01.2025", note: armavirNote2025)]),
        arm(7, street: "ул. Луначарского, 311"),
        arm(9, street: "ул. Тургенева, 140"),
        arm(10, street: "ул. Новороссийская, 87"),
        arm(15, street: "ул. Маршала Жукова, 52"),
        arm(17, street: "ул. Шаумяна, 14",
            statuses: [status(2025, order: "9/1", date: "09.01.2025", note: armavirNote2025)]),
        arm(18, "МАОУ", name: " с углубленным изучением отдельных предметов", short: "МАОУ-СОШ № 18 с УИОП",
            street: "ул. Комсомольская, 126", leader: true),
        arm(19, street: "ул. Дзержинского, 61", leader: true),
        arm(20, street: "ул. Железнодорожная, 33"),
        arm(23, street: "ул. Азовская, 72"),
        arm(25, "МАОУ", street: "ул. Майкопская, 210", statuses: [status(2020, p500: true, note: armavirNote2020)]),
    ]

    static func arm(_ n: Int, _ form: String = "МБОУ", kind: String = "СОШ", name: String = "", short: String? = nil,
                    street: String, statuses: [SchoolStatusDraft] = [], leader: Bool = false) -> DemoSchoolSpec {
        let draft = SchoolDraft(
            code: "ARM-" + pad(n, 3),
            fullName: "\(formWords(form)) – \(kindWords(kind)) № \(n)\(name) муниципального образования город Армавир",
            shortName: short ?? (kind == "ООШИ" ? "\(form) ООШИ № \(n)\(name)" : "\(form)-\(kind) № \(n)\(name)"),
            kind: kind, legalForm: form, address: "Краснодарский край, г. Армавир, \(street)",
            fisOkoLogin: "2331" + pad(n, 2), giaCode: "31" + pad(n, 2))
        return DemoSchoolSpec(municipalityCode: "armavir", draft: draft, statuses: statuses, isLeader: leader)
    }

    // MARK: Ленинградский район

    static let lenNote = "По данным аналитической справки по результатам мониторингов эффективности функционирования МНЦ и МТКП (Ленинградский район, 2022): «В программу поддержки ШНОР в 2022 году вошли десять общеобразовательных организаций». Справка подводит итоги 2021–2022 учебного года (ВПР, ОГЭ и ЕГЭ 2022 года, тестирование в апреле 2022 года, мониторинг ШМО 01–15.08.2022), поэтому статус записан на 2021/2022 учебный год. Приказ об утверждении перечня в справке не назван."
    static let lenNote500 = lenNote + " Участник федерального проекта «500+» (для школ проекта назначены кураторы)."

    static let stLen = ("ст-ца Ленинградская", "станицы Ленинградской")
    static let stKryl = ("ст-ца Крыловская", "станицы Крыловской")
    static let stNovopl = ("ст-ца Новоплатнировская", "станицы Новоплатнировской")
    static let khKorzhi = ("х. Коржи", "хутора Коржи")
    static let khKulik = ("х. Куликовский", "хутора Куликовского")
    static let posObraz = ("пос. Образцовый", "посёлка Образцового")
    static let posPerv = ("пос. Первомайский", "посёлка Первомайского")

    static let leningradsky: [DemoSchoolSpec] = [
        len(1, place: stLen, street: "ул. Красная, 139", leader: true),
        len(2, "МАОУ", place: stLen, street: "ул. Советов, 40", statuses: [status(2021, p500: true, note: lenNote500)]),
        len(3, place: stLen, street: "ул. Кооперации, 171"),
        len(4, place: stKryl, street: "ул. Ленина, 58", statuses: [status(2021, note: lenNote)]),
        len(6, "МАОУ", place: stLen, street: "ул. Западная, 3", leader: true),
        len(7, place: stNovopl, street: "ул. Красная, 12", statuses: [status(2021, p500: true, note: lenNote500)]),
        len(8, place: khKorzhi, street: "ул. Школьная, 2", statuses: [status(2021, p500: true, note: lenNote500)]),
        len(9, place: stKryl, street: "ул. Октябрьская, 21"),
        len(10, place: posObraz, street: "ул. Мира, 9", statuses: [status(2021, note: lenNote)]),
        len(11, "МАОУ", place: stLen, street: "ул. Выгонная, 64", statuses: [status(2021, note: lenNote)]),
        len(12, place: posPerv, street: "ул. Победы, 17", statuses: [status(2021, note: lenNote)]),
        len(13, place: stNovopl, street: "ул. Кирова, 45"),
        len(14, place: khKulik, street: "ул. Центральная, 30", statuses: [status(2021, note: lenNote)]),
        len(17, place: stKryl, street: "ул. Пушкина, 6"),
        len(20, kind: "ООШ", place: khKulik, street: "ул. Садовая, 1"),
        len(22, kind: "ООШ", place: posPerv, street: "ул. Школьная, 11", statuses: [status(2021, note: lenNote)]),
        len(27, kind: "ООШ", place: khKorzhi, street: "ул. Степная, 4", statuses: [status(2021, note: lenNote)]),
        len(nil, kind: "Гимназия", place: stLen, street: "ул. Ленина, 38", leader: true),
    ]

    static func len(_ n: Int?, _ form: String = "МБОУ", kind: String = "СОШ", place: (String, String), street: String,
                    statuses: [SchoolStatusDraft] = [], leader: Bool = false) -> DemoSchoolSpec {
        let number = n.map { " № \($0)" } ?? ""
        let draft = SchoolDraft(
            code: "LEN-" + (n.map { pad($0, 3) } ?? "GIM"),
            fullName: "\(formWords(form)) \(kindWords(kind))\(number) \(place.1) муниципального образования Ленинградский район",
            shortName: "\(form) \(kind == "Гимназия" ? "гимназия" : kind)\(number)",
            kind: kind, legalForm: form, address: "Краснодарский край, Ленинградский район, \(place.0), \(street)",
            fisOkoLogin: "2357" + pad(n ?? 50, 2), giaCode: "57" + pad(n ?? 50, 2))
        return DemoSchoolSpec(municipalityCode: "leningradsky", draft: draft, statuses: statuses, isLeader: leader)
    }

    // MARK: Кавказский район

    static let kavNote = "По данным аналитической справки о результатах реализации муниципального проекта/программы по повышению качества образования в ШНОР в МО Кавказский район в 2024–2025 учебном году: «В программу поддержки ШНОР в 2024-2025 учебном году вошли 2 общеобразовательные организации». Приказ об утверждении перечня в справке не назван."

    static let kropotkin = ("г. Кропоткин", "города Кропоткина")
    static let stKavk = ("ст-ца Кавказская", "станицы Кавказской")
    static let stTemizh = ("ст-ца Темижбекская", "станицы Темижбекской")
    static let stKazan = ("ст-ца Казанская", "станицы Казанской")
    static let stDmitr = ("ст-ца Дмитриевская", "станицы Дмитриевской")
    static let posMir = ("пос. Мирской", "посёлка Мирского")

    static let kavkazsky: [DemoSchoolSpec] = [
        kav(1, "МАОУ", place: kropotkin, street: "ул. Красная, 45", leader: true),
        kav(2, place: kropotkin, street: "ул. Гоголя, 110"),
        kav(3, "МАОУ", place: kropotkin, street: "ул. Пушкина, 197", leader: true),
        kav(4, place: kropotkin, street: "ул. Комсомольская, 88"),
        kav(5, place: stKavk, street: "ул. Ленина, 21"),
        kav(6, place: stKazan, street: "ул. Советская, 60"),
        kav(7, place: kropotkin, street: "ул. Красноармейская, 302"),
        kav(8, place: stDmitr, street: "ул. Школьная, 5"),
        kav(10, place: stTemizh, street: "ул. Октябрьская, 33", statuses: [status(2024, note: kavNote)]),
        kav(12, place: posMir, street: "ул. Мира, 14", statuses: [status(2024, note: kavNote)]),
        kav(13, place: kropotkin, street: "ул. Гагарина, 75"),
        kav(16, place: stKavk, street: "ул. Лунёва, 2"),
        kav(21, kind: "ООШ", place: stTemizh, street: "ул. Садовая, 18"),
    ]

    static func kav(_ n: Int, _ form: String = "МБОУ", kind: String = "СОШ", place: (String, String), street: String,
                    statuses: [SchoolStatusDraft] = [], leader: Bool = false) -> DemoSchoolSpec {
        let draft = SchoolDraft(
            code: "KAV-" + pad(n, 3),
            fullName: "\(formWords(form)) \(kindWords(kind)) № \(n) \(place.1) муниципального образования Кавказский район",
            shortName: "\(form) \(kind) № \(n)",
            kind: kind, legalForm: form, address: "Краснодарский край, Кавказский район, \(place.0), \(street)",
            fisOkoLogin: "2347" + pad(n, 2), giaCode: "47" + pad(n, 2))
        return DemoSchoolSpec(municipalityCode: "kavkazsky", draft: draft, statuses: statuses, isLeader: leader)
    }

    // MARK: helpers

    static func status(_ year: Int, p500: Bool = false, order: String = "", date: String = "", note: String) -> SchoolStatusDraft {
        SchoolStatusDraft(year: year, lowResults: true, program500: p500, orderNumber: order,
                          orderDate: date.isEmpty ? nil : RuFormat.parseDate(date), note: note)
    }

    static func formWords(_ form: String) -> String {
        form == "МАОУ" ? "Муниципальное автономное общеобразовательное учреждение"
            : "Муниципальное бюджетное общеобразовательное учреждение"
    }

    static func kindWords(_ kind: String) -> String {
        switch kind {
        case "ООШ": "основная общеобразовательная школа"
        case "ООШИ": "основная общеобразовательная школа-интернат"
        case "Гимназия": "гимназия"
        default: "средняя общеобразовательная школа"
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
