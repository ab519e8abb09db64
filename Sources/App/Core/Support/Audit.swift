import Vapor
import Fluent

enum AuditAction: String, CaseIterable, Sendable {
    case create, update, delete, login, logout, lockout, importFile = "import", passwordReset = "password_reset"
    case passwordChange = "password_change", tokenIssued = "token_issued", tokenRevoked = "token_revoked"

    /// Changes of the data pages are computed from (sign-ins and tokens are not).
    var changesData: Bool { [.create, .update, .delete, .importFile].contains(self) }

    var title: String {
        switch self {
        case .create: "Создание"
        case .update: "Изменение"
        case .delete: "Удаление"
        case .login: "Вход"
        case .logout: "Выход"
        case .lockout: "Блокировка после неудачных входов"
        case .importFile: "Загрузка файла"
        case .passwordReset: "Сброс пароля"
        case .passwordChange: "Смена пароля"
        case .tokenIssued: "Выпуск токена API"
        case .tokenRevoked: "Отзыв токена API"
        }
    }
}

/// The one audit log: every create/update/delete goes through here with before/after.
enum Audit {
    static let entityTitles: [String: String] = [
        "school": "Школа", "school_status": "Статус школы", "school_context": "Контекст школы", "person": "Человек",
        "user": "Пользователь", "assignment": "Закрепление", "municipality": "Муниципалитет", "import": "Импорт", "campaign": "Кампания мониторинга", "exclusion": "Исключение результата", "reference": "Эталон",
        "interaction": "Взаимодействие", "support_request": "Вопрос тьютору / наставнику", "deficit": "Дефицит (диагностика)",
        "route": "ИОМ", "route_step": "Шаг ИОМ", "support_comment": "Комментарий наставника / тьютора", "material": "Методический материал",
        "reserve_candidate": "Кадровый резерв", "shmo_group": "ШМО", "shmo_review": "Мониторинг ШМО",
        "plan_module": "Модуль плана МНЦ / МТКП", "pair_plan_item": "Пункт плана взаимодействия",
        "competence_record": "Показатель предметной компетенции", "route_review": "Квартальная ревизия ИОМ", "attachment": "Файл",
        "plan": "План", "plan_item": "Пункт плана", "plan_execution": "Исполнение пункта плана", "plan_kind": "Вид плана",
        "event": "Мероприятие", "event_application": "Заявка школы на мероприятия", "event_application_line": "Строка заявки",
        "event_programme": "Персонализированная программа", "event_registration": "Запись на мероприятие", "event_attendance": "Посещаемость мероприятия",
        "event_feed": "Ссылка на календарь",
        "school_document": "Документ школы", "school_document_version": "Версия документа школы", "decision": "Решение / рекомендация",
        "school_risk": "Риск школы", "risk_kind": "Вид риска",
        "document_audit": "Аудит документов", "document_audit_kind": "Вид аудита документов",
    ]

    static func record(on db: any Database, actor: UUID?, actorLogin: String, action: AuditAction, entity: String, id: UUID?,
                       label: String, municipalityID: UUID?, before: (any Encodable)? = nil, after: (any Encodable)? = nil,
                       at: Date = Date(), bumpVersion: Bool = true, versions: [DataKey]? = nil) async throws {
        let e = AuditEntry()
        e.at = at
        e.userID = actor
        e.userLogin = actorLogin
        e.action = action.rawValue
        e.entity = entity
        e.entityID = id
        e.entityLabel = String(label.prefix(300))
        e.municipalityID = municipalityID
        e.beforeJSON = before.flatMap(json)
        e.afterJSON = after.flatMap(json)
        try await e.create(on: db)
        // The counter rows are locked until commit (PostgreSQL): callers that audit many rows in
        // one long transaction pass `bumpVersion: false` and bump once as their last statement.
        if action.changesData && bumpVersion {
            try await DataVersion.bump(versions ?? dataKeys(entity: entity, municipalityID: municipalityID), on: db)
        }
    }

    /// The data an audited change of an entity moves on (DataKey), unless the caller names it.
    static func dataKeys(entity: String, municipalityID: UUID?) -> [DataKey] {
        guard let m = municipalityID else { return entity == "user" ? [] : [.tenancy] }
        switch entity {
        case "school", "school_status", "school_context", "person": return [.registry(m)]
        // Assignments are the registry's and the pairs of the mentoring area.
        case "assignment": return [.registry(m), .support(m)]
        case "interaction", "support_request", "deficit", "route", "route_step", "support_capacity", "mentoring_settings",
             "support_comment", "material", "reserve_candidate", "shmo_group", "shmo_review", "plan_module", "pair_plan_item",
             "competence_record", "route_review", "attachment": return [.support(m)]
        case "plan", "plan_item", "plan_execution": return [.plans(m)]
        case "event", "event_application", "event_application_line", "event_programme", "event_registration", "event_attendance", "event_feed": return [.events(m)]
        case "school_document", "school_document_version", "decision": return [.control(m)]
        case "school_risk", "document_audit": return [.risks(m)]
        case "municipality": return [.tenancy, .registry(m)]
        case "campaign", "exclusion": return [.results(m)]
        case "import": return [.registry(m), .results(m)]
        case "user": return []
        default: return [.registry(m), .results(m)]
        }
    }

    /// Records on behalf of the request's user; `db` lets callers stay inside their transaction.
    static func record(_ req: Request, on db: (any Database)? = nil, _ action: AuditAction, entity: String, id: UUID?, label: String,
                       municipalityID: UUID?, before: (any Encodable)? = nil, after: (any Encodable)? = nil,
                       versions: [DataKey]? = nil) async throws {
        let user = req.currentUser
        try await record(on: db ?? req.db, actor: user?.id, actorLogin: user?.login ?? "система", action: action, entity: entity,
                         id: id, label: label, municipalityID: municipalityID, before: before, after: after, at: req.now, versions: versions)
    }

    static func json(_ value: any Encodable) -> String? {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .iso8601
        return (try? enc.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
