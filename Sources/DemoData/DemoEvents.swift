import Domain

/// The demo's half-year programme of the Armavir center (issue 11, «Events»): the kinds, modules
/// and projects of seeds 000 and 003 — a practice seminar and a webinar already held, the rest to
/// come. `slot` places an event: negative — days before the day of seeding; positive — the n-th
/// of six days spread over what is left of the half-year.
public enum DemoEvents {
    public struct Event: Sendable {
        public var slot: Int, title: String, kind: EventKind, format: EventFormat, module: EventModule?, project: EventProject?
        public var start: String, end: String, place: String, link: String, organiser: String, speakers: String
        public var audience: [PlanTargetGroup], capacity: Int
    }

    public static let events: [Event] = [
        Event(slot: -14, title: "Формирующее оценивание на уроке: приёмы и инструменты", kind: .practiceSeminar, format: .inPerson, module: .assessment,
              project: .methodSubscription, start: "14:30", end: "16:00", place: "МКУ «Центр развития образования и оценки качества», ауд. 12", link: "",
              organiser: "Центр развития образования и оценки качества", speakers: "Методист по оценке качества; руководитель ГМО учителей математики",
              audience: [.teachers, .shmo], capacity: 25),
        Event(slot: -5, title: "Разбор заданий ВПР с низким процентом выполнения", kind: .webinar, format: .remote, module: .subject, project: .permanentSeminar,
              start: "15:00", end: "16:00", place: "", link: "https://vk.com/video/webinar-vpr", organiser: "Центр развития образования и оценки качества",
              speakers: "Тьюторы муниципального тьюторского консультационного пункта", audience: [.teachers], capacity: 0),
        Event(slot: 1, title: "Качество урока: целеполагание и рефлексия", kind: .seminar, format: .mixed, module: .lessonQuality, project: .methodSubscription,
              start: "14:00", end: "15:30", place: "МБОУ-СОШ № 6, актовый зал", link: "https://telemost.yandex.ru/j/lesson-quality",
              organiser: "Муниципальный наставнический центр", speakers: "Наставники МНЦ", audience: [.teachers, .shmo], capacity: 30),
        Event(slot: 2, title: "Управленческие решения по итогам мониторинга результатов", kind: .managementSchool, format: .inPerson, module: .management,
              project: .reserveSchool, start: "10:00", end: "12:00", place: "Управление образования, зал заседаний", link: "",
              organiser: "Центр развития образования и оценки качества", speakers: "Руководитель МНЦ", audience: [.management], capacity: 20),
        Event(slot: 3, title: "Круглый стол «Объективность оценивания: опыт школ»", kind: .roundTable, format: .inPerson, module: .assessment, project: nil,
              start: "15:00", end: "16:30", place: "МБОУ-СОШ № 17, кабинет 204", link: "", organiser: "Муниципальный наставнический центр",
              speakers: "Заместители директоров школ-лидеров", audience: [.management, .shmo], capacity: 15),
        Event(slot: 4, title: "Мастер-класс «Смысловое чтение на уроках естественного цикла»", kind: .masterClass, format: .inPerson, module: .lessonQuality,
              project: .smartHolidays, start: "11:00", end: "12:30", place: "Гимназия, кабинет 31", link: "", organiser: "Тьюторский консультационный пункт",
              speakers: "Учитель высшей категории школы-лидера", audience: [.teachers], capacity: 2),
        Event(slot: 5, title: "Видеоконференция с ИРО Краснодарского края: предметные дефициты", kind: .videoConference, format: .remote, module: .subject,
              project: nil, start: "13:00", end: "14:00", place: "", link: "https://iro23.ru/vks", organiser: "Центр развития образования и оценки качества",
              speakers: "Специалисты ГБОУ ИРО КК", audience: [.teachers, .management], capacity: 0),
        Event(slot: 6, title: "Тренинг «Мотивация личностного и профессионального развития»", kind: .training, format: .inPerson, module: .psychology,
              project: .smartHolidays, start: "10:00", end: "13:00", place: "Центр, ауд. 5", link: "", organiser: "Тьюторский консультационный пункт",
              speakers: "Педагог-психолог", audience: [.teachers], capacity: 18),
    ]
}
