@testable import App
import Domain
import DemoData
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite("JSON API and its OpenAPI document") struct APITests {
    @Test func createSchoolValidatesInJSON() async throws {
        try await withTestApp { app in
            let token = try await Authenticator.issueToken(for: (try await Fixture.user("center", app)).id!, name: "t", days: 1, on: app.db, now: Date())
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$code == DemoCatalog.municipalities[0].code).first())
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            try await app.testing().test(.POST, "/api/v1/schools", headers: headers, beforeRequest: { req in
                try req.content.encode(SchoolInput(municipalityID: m.id, draft: SchoolDraft(code: "API-1", fullName: "Ш", shortName: ""), isLeader: nil))
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("\"field\":\"full_name\""))
                #expect(res.body.string.contains("Укажите краткое наименование"))
            })
            try await app.testing().test(.POST, "/api/v1/schools", headers: headers, beforeRequest: { req in
                try req.content.encode(SchoolInput(municipalityID: m.id, draft: SchoolDraft(code: "API-1", fullName: "МБОУ СОШ № 500 города", shortName: "СОШ № 500"), isLeader: true))
            }, afterResponse: { res in
                #expect(res.status == .created)
                #expect((try? res.content.decode(SchoolDTO.self))?.isLeader == true)
            })
        }
    }

    /// Every /api/v1 route is documented in openapi.yaml and every documented operation exists.
    @Test func openAPIMatchesRoutes() async throws {
        try await withTestApp(demo: false) { app in
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let yaml = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
            var documented = Set<String>()
            var path: String?
            for line in yaml.split(separator: "\n").map(String.init) {
                let indent = line.prefix { $0 == " " }.count
                let word = line.trimmingCharacters(in: .whitespaces)
                if indent == 0 { path = nil }
                if indent == 2 { path = word.hasPrefix("/") ? String(word.dropLast()) : nil }
                if indent == 4, let p = path, ["get:", "post:", "put:", "delete:", "patch:"].contains(word) {
                    documented.insert("\(word.dropLast().uppercased()) \(p)")
                }
            }
            let routes = Set(app.routes.all.compactMap { r -> String? in
                let parts = r.path.map { "\($0)" }
                guard parts.starts(with: ["api", "v1"]) else { return nil }
                let p = "/" + parts.dropFirst(2).map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(separator: "/")
                return "\(r.method.rawValue) \(p)"
            })
            #expect(!routes.isEmpty)
            #expect(routes == documented, "undocumented: \(routes.subtracting(documented)); missing: \(documented.subtracting(routes))")
        }
    }
}
