import Plot
import Domain

/// «Кадровый резерв»: the register with its readiness, and the center's forms.
public enum ReserveViews {
    public struct Row: Sendable {
        public var id: String, name: String, currentPost: String, targetPost: String, sessions: Int, readiness: String, readinessValue: String, notes: String
        public var updateURL: String?
        public init(id: String, name: String, currentPost: String, targetPost: String, sessions: Int, readiness: String, readinessValue: String,
                    notes: String, updateURL: String?) {
            self.id = id; self.name = name; self.currentPost = currentPost; self.targetPost = targetPost; self.sessions = sessions
            self.readiness = readiness; self.readinessValue = readinessValue; self.notes = notes; self.updateURL = updateURL
        }
    }
    public struct Model: Sendable {
        public var municipalityID: String, rows: [Row], readiness: [Option], people: [Option], canEdit: Bool
        public var values: [String: String], errors: [FieldError], csrf: String
        public init(municipalityID: String, rows: [Row], readiness: [Option], people: [Option], canEdit: Bool, values: [String: String],
                    errors: [FieldError], csrf: String) {
            self.municipalityID = municipalityID; self.rows = rows; self.readiness = readiness; self.people = people; self.canEdit = canEdit
            self.values = values; self.errors = errors; self.csrf = csrf
        }
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("muted"), .safe("Муниципальный резерв управленческих кадров (Концепция, раздел 4): кто готовится к какой должности, сколько занятий школы резерва посетил, насколько готов. Занятия «Школы молодого руководителя» учитываются здесь числом; сами занятия — мероприятия.")),
            Components.section("Кандидаты", Components.table(
                [Column("Кандидат"), Column("Сейчас"), Column("Целевая должность"), Column("Занятий", numeric: true), Column("Готовность"), Column("Примечания"), Column("")],
                rows: m.rows.map { r in
                    [.safe(r.name), .safe(r.currentPost.isEmpty ? "—" : r.currentPost), .safe(r.targetPost), .safe(String(r.sessions)),
                     Components.badge(r.readiness, r.readinessValue == "high" ? .success : r.readinessValue == "low" ? .warning : .neutral), .safe(r.notes),
                     r.updateURL.map { url in Components.disclosure("Изменить", Form.form(action: url, csrf: m.csrf, .group(
                        Form.text("sessions_attended", "Занятий посещено", value: String(r.sessions), errors: [], type: "number"),
                        Form.select("readiness", "Готовность", options: m.readiness, selected: r.readinessValue, errors: []),
                        Form.textarea("notes", "Примечания", value: r.notes, errors: [], rows: 2)
                     ), submit: "Сохранить")) } ?? .empty]
                },
                empty: Components.emptyState("В резерве пока никого нет" + (m.canEdit ? ": внесите первого кандидата формой ниже." : ".")))),
            m.canEdit ? Components.section("Внести кандидата", Form.form(action: SiteURL.reserve.path, csrf: m.csrf, errors: m.errors, .group(
                Form.hidden("municipality", m.municipalityID),
                Form.select("person_id", "Человек из кадров", options: m.people, selected: m.v("person_id"), errors: m.errors, includeBlank: "— не из списка —"),
                Form.text("full_name", "ФИО (если не из списка)", value: m.v("full_name"), errors: m.errors),
                Form.row(
                    Form.text("current_post", "Текущая должность", value: m.v("current_post"), errors: m.errors, hint: "Пусто — из карточки человека"),
                    Form.text("target_post", "Целевая должность", value: m.v("target_post"), errors: m.errors, required: true)
                ),
                Form.row(
                    Form.text("sessions_attended", "Занятий школы резерва", value: m.v("sessions_attended").isEmpty ? "0" : m.v("sessions_attended"), errors: m.errors, type: "number"),
                    Form.select("readiness", "Готовность", options: m.readiness, selected: m.v("readiness"), errors: m.errors)
                ),
                Form.textarea("notes", "Примечания", value: m.v("notes"), errors: m.errors, rows: 2)
            ), submit: "Внести в резерв")) : .empty
        )
    }
}
