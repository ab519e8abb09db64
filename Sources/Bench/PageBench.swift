import Vapor
import Fluent
import Domain
import Views
@testable import App

/// Times the summary-table page through the app's own responder (routing, auth,
/// queries, computation, HTML) — everything but the socket.
enum PageBench {
    struct Figures { let median: Double; let min: Double; let count: Int; let bytes: Int; let first: Double }

    static func run(app: Application, municipalityCode: String, year: Int, renders: Int) async throws -> Figures {
        guard let m = try await Municipality.query(on: app.db).filter(\.$code == municipalityCode).first() else { throw Abort(.notFound) }
        var user = try await User.query(on: app.db).filter(\.$login == "bench-admin").first()
        if user == nil {
            user = try await UserAdmin.create(login: "bench-admin", displayName: "Замер", personID: nil, grants: [Grant(role: .admin)],
                                              password: Tokens.password(), mustChange: false, app: app, on: app.db)
        }
        let token = Tokens.random(), csrf = Tokens.random()  // a browser keeps both cookies between views
        let s = UserSession()
        s.tokenHash = Tokens.sha256(token); s.$user.id = user!.id!; s.lastSeenAt = Date(); s.expiresAt = Date().addingTimeInterval(3600); s.userAgent = "bench"
        try await s.create(on: app.db)
        var times: [Double] = [], bytes = 0
        for _ in 0..<(renders + 2) {
            let req = Request(application: app, method: .GET, url: URI(string: "/monitoring?municipality=\(m.id!)&year=\(year)"),
                              headers: ["Cookie": "opora_session=\(token); opora_csrf=\(csrf)"], on: app.eventLoopGroup.next())
            let t = Date()
            let res = try await app.responder.respond(to: req).get()
            times.append(Date().timeIntervalSince(t))
            guard res.status == .ok else { throw Abort(res.status, reason: "страница ответила \(res.status.code)") }
            bytes = res.body.count
        }
        // Where the time goes: loading + computing, then the HTML alone.
        var load: [Double] = [], html: [Double] = []
        for _ in 0..<5 {
            var t = Date()
            let (input, _) = try await MonitoringLoader.load(.init(municipalities: [m], year: year, settings: .default), on: app.db)
            load.append(Date().timeIntervalSince(t))
            let result = Monitoring.compute(input)
            t = Date()
            let model = MonitoringSummaryView.Model(result: result, filter: .either, schoolLinks: [:], contextTitles: ContextColumns.titles,
                                                    municipalities: [], years: [], query: [:], showMunicipality: false, notes: [])
            _ = Layout.render(Layout.page(PageContext(title: "x"), MonitoringSummaryView.body(model, path: "/monitoring")))
            html.append(Date().timeIntervalSince(t))
        }
        print("  из них: загрузка из базы (Fluent) \(Bench.fmt(load.sorted()[2] * 1000)) мс, HTML \(Bench.fmt(html.sorted()[2] * 1000)) мс (медианы)")
        let measured = Array(times.dropFirst(2)).sorted()
        return Figures(median: measured[measured.count / 2], min: measured[0], count: measured.count, bytes: bytes, first: times[0])
    }
}
