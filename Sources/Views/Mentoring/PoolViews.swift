import Plot
import Domain

/// The pools of mentors, curators and tutors of a municipality.
public enum PoolViews {
    public struct Row: Sendable {
        public var name: String, url: String, pools: String, home: String, position: String, category: String, subjects: String
        public var regionalTraining: Bool, capacity: String, load: Int, over: Bool
        public init(name: String, url: String, pools: String, home: String, position: String, category: String, subjects: String,
                    regionalTraining: Bool, capacity: String, load: Int, over: Bool) {
            self.name = name; self.url = url; self.pools = pools; self.home = home; self.position = position; self.category = category
            self.subjects = subjects; self.regionalTraining = regionalTraining; self.capacity = capacity; self.load = load; self.over = over
        }
    }
    public struct Model: Sendable {
        public var rows: [Row], municipalityID: String, pool: String, pools: [Option]
        public init(rows: [Row], municipalityID: String, pool: String, pools: [Option]) {
            self.rows = rows; self.municipalityID = municipalityID; self.pool = pool; self.pools = pools
        }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            Form.filters(path: SiteURL.supportPool().path, .group([
                Form.hidden("municipality", m.municipalityID),
                Form.select("pool", "Пул", options: m.pools, selected: m.pool, errors: [], includeBlank: "все"),
            ])),
            Components.table([Column("Человек"), Column("Пул"), Column("Место работы"), Column("Должность"), Column("Категория"), Column("Предметы"),
                              Column("Региональный тьютор"), Column("Норма"), Column("Закреплений сейчас", numeric: true)],
                             rows: m.rows.map { r in
                                 [Components.link(r.name, r.url), .safe(r.pools), .safe(r.home), .safe(r.position), .safe(r.category), .safe(r.subjects),
                                  r.regionalTraining ? Components.badge("обучен(а)", .success) : .safe("—"), .safe(r.capacity),
                                  .group(.safe(String(r.load)), r.over ? .group(.safe(" "), Components.badge("выше нормы", .warning)) : .empty)]
                             },
                             empty: Components.emptyState("В муниципалитете нет людей с ролью наставника, куратора или тьютора: отметьте роли в карточках людей или загрузите кадры.")),
            .p(.class("muted"), .safe("Норма — сколько школ (наставник, куратор) или педагогов (тьютор) человек ведёт одновременно; своя норма и отметка о подготовке задаются в карточке человека, норма муниципалитета — на странице «Сопровождение»."))
        )
    }
}
