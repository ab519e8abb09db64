@testable import App
import Foundation
import Testing
import Vapor
import Views

/// `SiteURL` is the one source for route patterns and links: the route table and the
/// enum hold the same patterns, and links come out as the pages have always spelled them.
@Suite("SiteURL: typed routes and links") struct SiteURLTests {
    /// Every registered route has a SiteURL case, and every SiteURL case is registered.
    @Test func routesAndPatternsAreTheSame() async throws {
        try await withTestApp(demo: false) { app in
            let registered = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            #expect(registered.subtracting(SiteURL.allPatterns).isEmpty, "routes without a SiteURL: \(registered.subtracting(SiteURL.allPatterns).sorted())")
            #expect(SiteURL.allPatterns.subtracting(registered).isEmpty, "SiteURL patterns not registered: \(SiteURL.allPatterns.subtracting(registered).sorted())")
        }
    }

    @Test func patterns() {
        #expect(SiteURL.schoolEdit(.key).pathComponents == ["schools", ":id", "edit"])
        #expect(SiteURL.schoolStatusEdit(.key, .key).pattern == "/schools/:id/statuses/:sid/edit")
        #expect(SiteURL.adminUserGrantDelete(.key, .key).pattern == "/admin/users/:id/grants/:gid/delete")
        #expect(SiteURL.monitoring(.summary).pattern == "/monitoring")
        #expect(SiteURL.monitoring(.resultsCSV).pattern == "/monitoring/results.csv")
        #expect(SiteURL.api(.school(.key)).pattern == "/api/v1/schools/:id")
        #expect(SiteURL.home.pattern == "/")
    }

    @Test func knownLinks() {
        let id = "00000000-0000-0000-0000-000000000001"
        #expect(SiteURL.home.path == "/")
        #expect(SiteURL.schoolEdit(id).path == "/schools/\(id)/edit")
        #expect(SiteURL.school(id, anchor: .support).path == "/schools/\(id)#support")
        #expect(SiteURL.schoolStatusEdit(id, "2025").path == "/schools/\(id)/statuses/2025/edit")
        #expect(SiteURL.schoolResults(id, year: 2025).path == "/schools/\(id)/results?year=2025")
        #expect(SiteURL.schoolResults(id).path == "/schools/\(id)/results")
        #expect(SiteURL.personNew(school: id).path == "/people/new?school=\(id)")
        #expect(SiteURL.personNew().path == "/people/new")
        #expect(SiteURL.campaignAction(id, .approve).path == "/monitoring/campaigns/\(id)/approve")
        #expect(SiteURL.monitoring(.campaigns, municipality: id, year: 2026).path == "/monitoring/campaigns?municipality=\(id)&year=2026")
        #expect(SiteURL.monitoring(.summary, year: 2025, print: true).path == "/monitoring?year=2025&print=1")
        #expect(SiteURL.adminImportTemplate("schools.xlsx").path == "/admin/imports/templates/schools.xlsx")
    }

    /// Query values and parameters are percent-encoded (RFC 3986), Cyrillic included.
    @Test func percentEncoding() {
        #expect(SiteURL.monitoring(.summary, filter: "Школа №1").path == "/monitoring?filter=%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%961")
        #expect(SiteURL.login(next: "/schools?q=a&b").path == "/login?next=%2Fschools%3Fq%3Da%26b")
        #expect(SiteURL.person("a/b").path == "/people/a%2Fb")
    }
}

@Suite("Typed queries") struct PageQueryTests {
    /// Malformed or unknown values are the defaults: no 400, no string compared further down.
    @Test func malformedValuesAreTheDefaults() {
        let f = SchoolDirectory.Filter(QueryValues(["municipality": "not-an-id", "status": "drop table", "year": "abc", "sort": "code", "dir": "desc", "page": "-3"]))
        #expect(f.municipalityID == nil && f.status == nil && f.year == nil && f.sort == .code && !f.ascending && f.page == 1)
        #expect(f.items == ["sort": "code", "dir": "desc"])
        let m = MonitoringQuery(QueryValues(["year": "99999", "filter": "both", "print": "1"]))
        #expect(m.year == nil && m.filter == .both && m.print)
        let a = AuditQuery(QueryValues(["from": "31.02.2025", "to": "01.03.2025", "action": "import", "user": "IVANOVA"]))
        #expect(a.from == nil && a.to != nil && a.user == "ivanova" && a.items["from"] == "31.02.2025")
        #expect(TermsQuery(QueryValues(["period": "q9"])).period == "q1" && TermsQuery(QueryValues(["period": "h2"])).period == "h2")
    }

    @Test func pagesAnswerMalformedQueriesWithTheirDefaults() async throws {
        try await withTestApp { app in
            let b = try await Browser.signIn("center", app)
            for path in ["/schools?year=abc&page=-3&sort=x&status=y", "/people?function=zzz&page=abc", "/monitoring?year=abc&filter=zz",
                         "/monitoring/terms?period=q9", "/api/v1/schools?municipality=nope"] {
                #expect(try await b.get(path).status == .ok, "\(path)")
            }
            #expect(try await Browser.signIn("admin", app).get("/admin/audit?from=31.02.2025&page=x").status == .ok)
        }
    }
}
