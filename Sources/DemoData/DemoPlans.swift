import Domain

/// The demo's plans (issue 11): Armavir's municipal roadmap for the year — approved, as in seed 000,
/// by the center's own order of 9 January — with items of every recurrence, and the roadmap of
/// МБОУ-СОШ № 6 (a school with risks of low results, seed 000), a draft. The measures follow the
/// seeds' words; dates are within the calendar year of seeding.
public enum DemoPlans {
    public struct Item: Sendable {
        public var section: String, measure: String, start: (month: Int, day: Int)?, deadline: (month: Int, day: Int)
        public var recurrence: PlanRecurrence, responsible: String, targets: [PlanTargetGroup], addresses: String
        public var expectedResult: String, reportForm: String
    }
    public struct Plan: Sendable {
        public var municipalityCode: String, schoolCode: String?, kind: String, title: String, approved: Bool, items: [Item]
    }

    public static func plans(year: Int) -> [Plan] {
        [
            Plan(municipalityCode: "armavir", schoolCode: nil, kind: "roadmap", title: "Дорожная карта сопровождения ШНОР и ШССУ на \(year) год", approved: true, items: [
                Item(section: "Модуль 1. Организационно-управленческий", measure: "Совещание с руководителями ШНОР по итогам мониторинга динамики результатов",
                     start: nil, deadline: (2, 20), recurrence: .none, responsible: "Руководитель МНЦ", targets: [.management],
                     addresses: "риск: низкая динамика результатов ВПР", expectedResult: "Управленческие решения по школам", reportForm: "Протокол"),
                Item(section: "Модуль 1. Организационно-управленческий", measure: "Анализ итогов учебного периода и адресные рекомендации",
                     start: (1, 1), deadline: (12, 31), recurrence: .quarterly, responsible: "Методист по оценке качества", targets: [.management, .shmo],
                     addresses: "риск учебной неуспешности обучающихся", expectedResult: "Аналитическая справка", reportForm: "Справка"),
                Item(section: "Модуль 2. Методическая помощь", measure: "Постоянно действующий семинар «Методический абонемент»",
                     start: (1, 1), deadline: (12, 31), recurrence: .monthly, responsible: "Специалисты центра", targets: [.teachers],
                     addresses: "дефицит методической компетентности (качество урока)", expectedResult: "Повышение качества урока", reportForm: "Лист регистрации"),
                Item(section: "Модуль 2. Методическая помощь", measure: "Проект «Умные каникулы»: выезды специалистов в школы",
                     start: (1, 1), deadline: (12, 31), recurrence: .halfYear, responsible: "Руководитель МТКП", targets: [.teachers, .shmo],
                     addresses: "", expectedResult: "Практикумы в школах", reportForm: "Отчёт"),
                Item(section: "Модуль 3. Мониторинг", measure: "Мониторинг методической помощи (Концепция, п. 6.4)",
                     start: nil, deadline: (10, 31), recurrence: .none, responsible: "Муниципальный координатор", targets: [.management],
                     addresses: "", expectedResult: "Сводная форма и аналитическая справка", reportForm: "Аналитическая справка"),
            ]),
            Plan(municipalityCode: "armavir", schoolCode: "ARM-006", kind: "school_roadmap", title: "Программа перехода в эффективный режим работы, \(year)", approved: false, items: [
                Item(section: "Управление", measure: "Корректировка программы по итогам ВПР", start: nil, deadline: (5, 31), recurrence: .none,
                     responsible: "Директор", targets: [.management], addresses: "риск: необъективность оценивания", expectedResult: "Программа с изменениями", reportForm: "Приказ"),
                Item(section: "ШМО", measure: "Заседание ШМО: разбор заданий ВПР с низким выполнением", start: (1, 1), deadline: (12, 31), recurrence: .quarterly,
                     responsible: "Руководители ШМО", targets: [.shmo, .teachers], addresses: "дефицит оценочной деятельности педагога", expectedResult: "План коррекции", reportForm: "Протокол ШМО"),
            ]),
        ]
    }
}
