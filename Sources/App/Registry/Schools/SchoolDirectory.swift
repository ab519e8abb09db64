import Fluent
import Foundation
import Domain

/// Reads of the school registry: the filtered list and the card, always within a scope.
enum SchoolDirectory {
    /// «Школы» and `GET /api/v1/schools`: `?municipality=&status=&year=&q=&sort=&dir=&page=`.
    struct Filter: PageQuery {
        enum Status: String, Sendable { case lowResults = "low_results", difficult, program500 = "program_500", objectivityRisk = "objectivity_risk", any, none }
        enum Sort: String, Sendable { case name, code, municipality }

        var municipalityID: UUID?
        var status: Status?
        /// The status year; nil: the page's current school year (the API: no status filter by year).
        var year: Int?
        var query: String?
        var sort: Sort = .name
        var ascending = true
        var page = 1

        static let keys = ["municipality", "status", "year", "q", "sort", "dir", "page"]
        init(_ q: QueryValues) {
            municipalityID = q.uuid("municipality"); status = q.value("status", as: Status.self); year = q.int("year"); query = q.string("q")
            sort = q.value("sort", as: Sort.self) ?? .name; ascending = q.string("dir") != "desc"; page = q.page()
        }
        init() {}
        var items: [String: String] {
            .query([("municipality", municipalityID?.uuidString), ("status", status?.rawValue), ("year", year.map(String.init)), ("q", query),
                    ("sort", sort == .name ? nil : sort.rawValue), ("dir", ascending ? nil : "desc"), ("page", page == 1 ? nil : String(page))])
        }
    }

    struct Row: Sendable {
        let school: School
        let municipalityName: String
        let status: SchoolStatus?
    }

    static func list(_ f: Filter, scope: Scope, on db: any Database) async throws -> [Row] {
        var q = School.query(on: db).within(scope).with(\.$municipality)
        if let m = f.municipalityID { q = q.filter(\.$municipality.$id == m) }
        var schools = try await q.all()
        if let text = f.query?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            schools = schools.filter {
                $0.fullName.lowercased().contains(text) || $0.shortName.lowercased().contains(text) || $0.code.lowercased().contains(text)
                    || ($0.fisOkoLogin.map { FisOkoLogin.display($0).contains(text) } ?? false)
            }
        }
        let ids = schools.compactMap(\.id)
        var statuses: [UUID: SchoolStatus] = [:]
        if let year = f.year, !ids.isEmpty {
            for s in try await SchoolStatus.query(on: db).filter(\.$year == year).filter(\.$school.$id ~~ ids).all() {
                statuses[s.$school.id] = s
            }
        }
        var rows = schools.map { Row(school: $0, municipalityName: $0.municipality.name, status: $0.id.flatMap { statuses[$0] }) }
        if let st = f.status { rows = rows.filter { matches($0.status, st) } }
        rows.sort { a, b in
            let r: Bool
            switch f.sort {
            case .code: r = a.school.code.localizedStandardCompare(b.school.code) == .orderedAscending
            case .municipality: r = (a.municipalityName, a.school.shortName) < (b.municipalityName, b.school.shortName)
            case .name: r = a.school.shortName.localizedStandardCompare(b.school.shortName) == .orderedAscending
            }
            return f.ascending ? r : !r
        }
        return rows
    }

    static func matches(_ s: SchoolStatus?, _ filter: Filter.Status) -> Bool {
        switch filter {
        case .lowResults: s?.lowResults == true
        case .difficult: s?.difficultConditions == true
        case .program500: s?.program500 == true
        case .objectivityRisk: s?.objectivityRisk == true
        case .any: s?.lowResults == true || s?.difficultConditions == true
        case .none: !(s?.lowResults == true || s?.difficultConditions == true)
        }
    }

    /// Labels in force for a municipality in a year (DOMAIN §1: labels are configurable).
    static func labels(for municipalityID: UUID, year: Int, on db: any Database) async throws -> (low: String, difficult: String) {
        try await labelBook(for: [municipalityID], on: db).labels(municipalityID, year)
    }

    /// Every label of the given municipalities in one query; answers for any year without another.
    static func labelBook(for municipalityIDs: [UUID], on db: any Database) async throws -> LabelBook {
        let all = municipalityIDs.isEmpty ? [] : try await StatusLabel.query(on: db).filter(\.$municipality.$id ~~ municipalityIDs)
            .sort(\.$fromYear, .descending).all()
        return LabelBook(byMunicipality: Dictionary(grouping: all, by: { $0.$municipality.id }))
    }

    /// Each municipality's status words for the year, by municipality name (the monitoring's key).
    static func statusWords(_ ms: [Municipality], year: Int, on db: any Database) async throws -> [String: StatusWords] {
        let book = try await labelBook(for: ms.compactMap(\.id), on: db)
        return Dictionary(ms.map { m in let l = book.labels(m.id!, year); return (m.name, StatusWords(low: l.low, difficult: l.difficult)) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// A municipality's status labels by year (its own words for ШНОР/ШССУ since a year).
    struct LabelBook: Sendable {
        let byMunicipality: [UUID: [StatusLabel]]
        func labels(_ municipalityID: UUID, _ year: Int) -> (low: String, difficult: String) {
            if let l = byMunicipality[municipalityID]?.first(where: { $0.fromYear <= year }) { return (l.lowResults, l.difficult) }
            return ("ШНОР", "ШССУ")
        }
    }
}
