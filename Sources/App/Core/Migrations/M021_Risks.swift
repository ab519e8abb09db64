import Fluent
import SQLKit
import Foundation

/// Risks (issue 11, «опережающее управление»): the editable kinds — the Concept's four and the
/// factors of the federal «500+» risk profile, seeded here as rows with their models as JSON text —
/// and the register of schools' risks with their measures (plan items, by id). New tables only.
struct M021_Risks: AsyncMigration {
    static let kinds: [(code: String, title: String, factor: Bool, model: String)] = [
        ("staffing", "Кадровые риски", false, ""),
        ("equipment", "Риски материально-технического оснащения", false, ""),
        ("academic_failure", "Риски учебной неуспешности обучающихся", false, ""),
        ("social", "Риски социальной ситуации", false, ""),
        ("f500_equipment", "Низкий уровень оснащения школы", true,
         #"{"indicators":[{"title":"Доля кабинетов с современным оборудованием","source":"анкета школы","normalisation":"1 − доля","weight":2},{"title":"Компьютеров на 10 обучающихся","source":"ОО-2","normalisation":"1 − min(x/2; 1)","weight":1}],"cutPoints":{"medium":0.4,"high":0.7}}"#),
        ("f500_staff_shortage", "Дефицит педагогических кадров", true,
         #"{"indicators":[{"title":"Доля вакансий","source":"кадровый отчёт","normalisation":"min(x/0,2; 1)","weight":2},{"title":"Доля совместителей","source":"ОО-1","normalisation":"min(x/0,3; 1)","weight":1}],"cutPoints":{"medium":0.35,"high":0.65}}"#),
        ("f500_competence", "Недостаточная предметная и методическая компетентность педагогических работников", true,
         #"{"indicators":[{"title":"Доля учителей с дефицитами по диагностике","source":"диагностика компетенций","normalisation":"доля","weight":1}],"cutPoints":{"medium":0.3,"high":0.5}}"#),
        ("f500_failure_share", "Высокая доля обучающихся с рисками учебной неуспешности", true,
         #"{"indicators":[{"title":"Доля отметок «2» по ВПР","source":"ФИС ОКО","normalisation":"min(x/0,25; 1)","weight":1}],"cutPoints":{"medium":0.3,"high":0.6}}"#),
        ("f500_adaptivity", "Риски низкой адаптивности учебного и воспитательного процесса", true, ""),
        ("f500_barriers", "Низкое качество преодоления языковых и культурных барьеров", true, ""),
        ("f500_low_motivation", "Низкая учебная мотивация обучающихся", true, ""),
        ("f500_environment", "Пониженный уровень качества школьной образовательной и воспитательной среды", true, ""),
        ("f500_disabilities", "Высокая доля обучающихся с ОВЗ", true, ""),
        ("f500_parents", "Низкий уровень вовлечённости родителей", true, ""),
    ]

    static let auditKinds: [(String, String, String)] = [
        ("school_site", "Документы на официальном сайте школы",
         "Программа развития (концепция) размещена\nСреднесрочная программа (программа перехода в эффективный режим) размещена\nАнтирисковые программы размещены по каждому выбранному риску\nДорожная карта размещена и соответствует программе\nСроки и ответственные в документах согласованы"),
        ("center_docs", "Документы муниципального центра",
         "Положение о центре утверждено\nПлан работы на полугодие утверждён приказом\nЗакрепления наставников по приказу с нормой нагрузки\nАналитическая справка за прошлый период"),
    ]

    func prepare(on db: any Database) async throws {
        try await db.transaction { db in
            try await db.schema("risk_kinds").id()
                .field("code", .string, .required).field("title", .string, .required)
                .field("factor_500", .bool, .required).field("position", .int, .required)
                .field("model", .string, .required).field("active", .bool, .required)
                .unique(on: "code")
                .create()
            try await db.schema("school_risks").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("school_id", .uuid, .required, .references("schools", "id"))
                .field("kind_code", .string, .required)
                .field("manageability", .string, .required).field("level", .string, .required)
                .field("evidence", .string, .required).field("owner", .string, .required)
                .field("cyclic", .bool, .required)
                .field("registered_on", .string, .required).field("next_occurrence", .string).field("decided_on", .string)
                .field("measure_item_ids", .string, .required)
                .field("created_at", .datetime).field("updated_at", .datetime)
                .create()
            // Audits of documents (Concept §6.1): the kinds with their checklists, the audits with their protocols.
            try await db.schema("document_audit_kinds").id()
                .field("code", .string, .required).field("title", .string, .required).field("checklist", .string, .required)
                .unique(on: "code")
                .create()
            try await db.schema("document_audits").id()
                .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
                .field("school_id", .uuid, .references("schools", "id"))
                .field("kind_code", .string, .required).field("planned_on", .string, .required).field("state", .string, .required)
                .field("held_on", .string).field("findings", .string, .required).field("fix_deadline", .string)
                .field("rechecked_on", .string).field("recheck_note", .string, .required)
                .field("created_at", .datetime).field("updated_at", .datetime)
                .create()
            if let sql = db as? any SQLDatabase {
                try await sql.raw("CREATE INDEX school_risks_municipality ON school_risks (municipality_id, school_id)").run()
                try await sql.raw("CREATE INDEX document_audits_municipality ON document_audits (municipality_id, state)").run()
            }
            for (code, title, checklist) in Self.auditKinds {
                let k = DocumentAuditKind()
                k.code = code; k.title = title; k.checklist = checklist
                try await k.create(on: db)
            }
            for (k, row) in Self.kinds.enumerated() {
                let kind = RiskKind()
                kind.code = row.code; kind.title = row.title; kind.factor500 = row.factor; kind.position = k + 1; kind.model = row.model; kind.active = true
                try await kind.create(on: db)
            }
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["document_audits", "document_audit_kinds", "school_risks", "risk_kinds"] { try await db.schema(t).delete() }
    }
}
