import Vapor
import Fluent
import Views
import Domain

/// «Проект приказа о закреплении»: the text of the order listing the municipality's active
/// assignments (mentors and curators to schools, tutors to teachers), drafted from the data.
enum OrderDraftController {
    struct Query: PageQuery {
        var municipality: UUID?
        static let keys = ["municipality"]
        init(_ q: QueryValues) { municipality = q.uuid("municipality") }
        var items: [String: String] { .query([("municipality", municipality?.uuidString)]) }
    }

    static func text(_ m: Municipality, pairs: [CuratorshipService.PairInfo], positions: [UUID: String], today: CalendarDay) -> String {
        let active = pairs.filter { $0.span.isActive(on: today) }
        let schools = active.filter { $0.pool != .tutor }.sorted { ($0.targetName, $0.pool.rawValue) < ($1.targetName, $1.pool.rawValue) }
        let tutors = active.filter { $0.pool == .tutor }.sorted { ($0.authorName, $0.targetName) < ($1.authorName, $1.targetName) }
        func day(_ d: CalendarDay?) -> String { d?.ru ?? "" }
        var lines = [
            "ПРИКАЗ", "от «___» ____________ \(today.year) г. № ______", "",
            "О закреплении наставников, кураторов и тьюторов за школами с низкими образовательными результатами и школами, функционирующими в сложных социальных условиях (\(m.name))", "",
            "В целях реализации муниципальной Концепции методической помощи школам с низкими образовательными результатами и школам, функционирующим в сложных социальных условиях, п р и к а з ы в а ю:",
            "1. Закрепить наставников управленческих команд и кураторов за школами согласно приложению 1.",
            "2. Закрепить тьюторов за педагогами согласно приложению 2.",
            "3. Наставникам, кураторам и тьюторам составить планы взаимодействия и вести журнал взаимодействий в системе «Опора».",
            "4. Контроль за исполнением настоящего приказа возложить на ____________________.", "",
            "Приложение 1. Наставники и кураторы школ",
            "№\tШкола\tВид\tНаставник / куратор\tДолжность\tС\tПо",
        ]
        for (i, p) in schools.enumerated() {
            lines.append("\(i + 1)\t\(p.targetName)\t\(p.pool.title)\t\(p.authorName)\t\(positions[p.authorID] ?? "")\t\(day(p.span.from))\t\(day(p.span.to))")
        }
        lines += ["", "Приложение 2. Тьюторы педагогов", "№\tТьютор\tПедагог (тьюторант)\tС\tПо"]
        for (i, p) in tutors.enumerated() {
            lines.append("\(i + 1)\t\(p.authorName)\t\(p.targetName)\t\(day(p.span.from))\t\(day(p.span.to))")
        }
        return lines.joined(separator: "\n")
    }

    @Sendable static func draft(req: Request) async throws -> Response {
        let p = try req.principal()
        let q = req.query(Query.self)
        let all = try await req.municipalityDirectory().filter { Access.allows(.assign, p, in: MunicipalityRef(id: $0.id, regionID: $0.regionID)) }
        guard let entry = all.first(where: { $0.id == q.municipality }) ?? all.first, let m = try await Municipality.find(entry.id, on: req.db) else { throw AppError.forbidden }
        let pairs = try await CuratorshipService.pairs(m.id!, on: req.db)
        let people = try await Person.query(on: req.db).filter(\.$id ~~ Array(Set(pairs.map(\.authorID)))).all()
        let positions = Dictionary(people.map { ($0.id!, $0.position) }, uniquingKeysWith: { a, _ in a })
        let body = OrderDraftViews.edit(text: text(m, pairs: pairs, positions: positions, today: SupportController.today(req)),
                                        action: SiteURL.supportOrderPrint.path, csrf: req.csrfToken)
        return req.page("Проект приказа о закреплении: \(m.name)", section: .support, crumbs: SupportController.crumbs + [Crumb("Проект приказа")], body)
    }

    @Sendable static func print(req: Request) async throws -> Response {
        let text = String(FormFields(req)["text"].prefix(200_000))
        var ctx = req.pageContext("Приказ о закреплении", section: .support, printable: true)
        ctx.contextLine = "Проект приказа"
        return req.render(Layout.page(ctx, OrderDraftViews.print(text: text)))
    }
}
