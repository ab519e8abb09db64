import Plot
import Domain

public enum UsersIndex {
    public struct Row: Sendable {
        public var id: String, login: String, name: String, roles: String, active: Bool, lastLogin: String
        public init(id: String, login: String, name: String, roles: String, active: Bool, lastLogin: String) {
            self.id = id; self.login = login; self.name = name; self.roles = roles; self.active = active; self.lastLogin = lastLogin
        }
    }
    public static func body(_ rows: [Row]) -> Node<HTML.BodyContext> {
        Components.table([Column("Логин"), Column("Имя"), Column("Роли и области"), Column("Состояние"), Column("Последний вход")],
                         rows: rows.map { r in
                            [Components.link(r.login, SiteURL.adminUser(r.id).path), .safe(r.name), .safe(r.roles),
                             r.active ? Components.badge("активен", .success) : Components.badge("отключён", .neutral), .safe(r.lastLogin)]
                         }, count: rows.count, empty: Components.emptyState("Пользователей нет."))
    }
}

/// Role and its scope: the fields shared by the new-user form and the add-grant form.
public enum GrantFields {
    public struct Options: Sendable {
        public var regions: [Option], municipalities: [Option], schools: [Option], people: [Option]
        public init(regions: [Option], municipalities: [Option], schools: [Option], people: [Option]) {
            self.regions = regions; self.municipalities = municipalities; self.schools = schools; self.people = people
        }
    }
    public static func fields(_ o: Options, values: [String: String], errors: [FieldError]) -> Node<HTML.BodyContext> {
        .group(
            Form.select("role", "Роль", options: Role.allCases.map { Option($0.rawValue, $0.title) }, selected: values["role"] ?? "", errors: errors, required: true,
                        hint: "Область действия роли: регион — для регионального координатора; муниципалитет — для специалиста центра и управления образования; школа — для администрации школы. Наставник, тьютор, педагог и эксперт видят то, что закреплено за их карточкой человека."),
            Form.row(
                Form.select("region_id", "Регион", options: o.regions, selected: values["region_id"] ?? "", errors: errors, includeBlank: "—"),
                Form.select("municipality_id", "Муниципалитет", options: o.municipalities, selected: values["municipality_id"] ?? "", errors: errors, includeBlank: "—"),
                Form.select("school_id", "Школа", options: o.schools, selected: values["school_id"] ?? "", errors: errors, includeBlank: "—")
            )
        )
    }
}

public enum UserNewView {
    public static func body(options: GrantFields.Options, values: [String: String], errors: [FieldError], csrf: String) -> Node<HTML.BodyContext> {
        Form.form(action: SiteURL.adminUsers.path, csrf: csrf, errors: errors, .group(
            Form.row(
                Form.text("login", "Логин", value: values["login"] ?? "", errors: errors, required: true, hint: "Латиница, цифры, точка, дефис; 3–40 символов"),
                Form.text("display_name", "Имя для показа", value: values["display_name"] ?? "", errors: errors, required: true)
            ),
            Form.select("person_id", "Карточка человека", options: options.people, selected: values["person_id"] ?? "", errors: errors, includeBlank: "— без карточки —",
                        hint: "Для наставника, тьютора, педагога и эксперта обязательна: по ней видны закрепления"),
            GrantFields.fields(options, values: values, errors: errors),
            .p(.class("muted"), .safe("Временный пароль будет создан и показан один раз; при первом входе пользователь задаст свой."))
        ), submit: "Создать пользователя", cancelURL: SiteURL.adminUsers.path)
    }
}

public enum UserShowView {
    public struct Model: Sendable {
        public var id: String, details: [(String, String)], grants: [(title: String, deleteURL: String)]
        public var active: Bool, newPassword: String?, options: GrantFields.Options, errors: [FieldError], csrf: String
        public init(id: String, details: [(String, String)], grants: [(title: String, deleteURL: String)], active: Bool,
                    newPassword: String?, options: GrantFields.Options, errors: [FieldError], csrf: String) {
            self.id = id; self.details = details; self.grants = grants; self.active = active; self.newPassword = newPassword
            self.options = options; self.errors = errors; self.csrf = csrf
        }
    }
    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            m.newPassword.map { Node<HTML.BodyContext>.div(.class("alert alert-success"), .safe("Временный пароль (показывается один раз, передайте его пользователю): "), .code(.safe($0))) } ?? .empty,
            Components.section("Учётная запись", actions: .group(
                Components.postButton("Сбросить пароль", action: SiteURL.adminUserResetPassword(m.id).path, csrf: m.csrf),
                Components.postButton(m.active ? "Отключить" : "Включить", action: SiteURL.adminUserToggle(m.id).path, csrf: m.csrf, danger: m.active)
            ), Components.details(m.details.map { ($0.0, .safe($0.1)) })),
            Components.section("Роли", .group(
                Components.table([Column("Роль и область"), Column("")],
                                 rows: m.grants.map { [.safe($0.title), Components.postButton("Отозвать", action: $0.deleteURL, csrf: m.csrf, danger: true)] },
                                 empty: Components.emptyState("Ролей нет: пользователь ничего не видит.")),
                Form.form(action: SiteURL.adminUserGrants(m.id).path, csrf: m.csrf, errors: m.errors,
                          GrantFields.fields(m.options, values: [:], errors: m.errors), submit: "Добавить роль")
            ))
        )
    }
}
