import Foundation
import Fluent
import Domain
import Importing

/// Every kind of file the system imports. A kind declares its area (which page uploads it and
/// which permission it needs), its template, and how its file is read, resolved against the
/// database and written (`ImportPipeline.handle`). A new kind — interactions, deficits,
/// assignments, plan items, survey answers — is a new case here, not a new controller.
enum ImportKind: Hashable, Sendable {
    case schools, staff
    case results(ResultFileKind)
    case mentoring(MentoringFileKind)
    /// The items of a plan (App/Plans/Imports): which plan rides with the kind.
    case plan(PlanImportTarget)

    static let all: [ImportKind] = [.schools, .staff] + ResultFileKind.allCases.map(ImportKind.results)
        + MentoringFileKind.allCases.map(ImportKind.mentoring) + [.plan(PlanImportTarget())]

    /// The job row's `kind` column (results kinds carry a prefix since the first release).
    var raw: String {
        switch self {
        case .schools: "schools"
        case .staff: "staff"
        case .results(let k): "results:" + k.rawValue
        case .mentoring(let k): k.rawValue
        case .plan: "plan"
        }
    }
    init?(raw: String) {
        guard let k = Self.all.first(where: { $0.raw == raw }) else { return nil }
        self = k
    }

    /// `opora import <name> FILE` and the form's value.
    var name: String {
        switch self {
        case .schools, .staff, .mentoring, .plan: raw
        case .results(let k): k.rawValue
        }
    }
    init?(name: String) {
        guard let k = Self.all.first(where: { $0.name == name }) else { return nil }
        self = k
    }

    var title: String {
        switch self {
        case .schools: "Школы"
        case .staff: "Кадры"
        case .results(let k): k.title
        case .mentoring(let k): k.title
        case .plan: "Пункты плана"
        }
    }

    var area: ImportArea {
        switch self {
        case .schools, .staff: .registry
        case .results: .results
        case .mentoring: .mentoring
        case .plan: .plans
        }
    }

    /// Only a result file can name schools the registry does not know yet.
    var canNeedMatching: Bool { area == .results }

    /// ВПР and ЕГЭ in the simple CSV format may go to a whole region (each row to its school).
    var mayCoverRegion: Bool { self == .results(.vpr) || self == .results(.ege) }

    /// The downloadable template: the header row and an example, as CSV or XLSX.
    func template(xlsx: Bool) throws -> (data: Data, fileName: String) {
        let rows: [[String]]
        let sheet: String
        switch self {
        case .schools: rows = SchoolImport.template(); sheet = "Школы"
        case .staff: rows = StaffImport.template(); sheet = "Кадры"
        case .results(let k): rows = ResultImport.template(k); sheet = "Шаблон"
        case .mentoring(let k): rows = k.template(); sheet = k.sheetName
        case .plan: rows = PlanImport.template(); sheet = "План"
        }
        return xlsx ? (try XLSXWriter.write(rows, sheetName: sheet), "opora-\(name).xlsx") : (CSVWriter.write(rows), "opora-\(name).csv")
    }
}

/// Where an import kind is uploaded: the page, its section and the permission it needs.
enum ImportArea: String, Sendable, CaseIterable {
    case registry, results, mentoring, plans

    var permission: Permission {
        switch self {
        case .registry: .importRegistry
        case .results: .importResults
        case .mentoring: .importMentoring
        case .plans: .editPlans
        }
    }
    var kinds: [ImportKind] { ImportKind.all.filter { $0.area == self } }
}

/// The files of «Сопровождение» (App/Mentoring/Imports): assignments of mentors, curators and
/// tutors, the interactions of the work log, deficits found by diagnostics, steps of routes (ИОМ).
enum MentoringFileKind: String, CaseIterable, Sendable {
    case assignments, interactions, deficits
    case routeSteps = "route_steps"

    var title: String {
        switch self {
        case .assignments: "Закрепления наставников и тьюторов"
        case .interactions: "Журнал взаимодействий"
        case .deficits: "Дефициты (диагностика)"
        case .routeSteps: "Шаги ИОМ"
        }
    }

    var sheetName: String {
        switch self {
        case .assignments: "Закрепления"
        case .interactions: "Взаимодействия"
        case .deficits: "Дефициты"
        case .routeSteps: "Шаги ИОМ"
        }
    }

    func template() -> [[String]] {
        switch self {
        case .assignments: AssignmentImport.template()
        case .interactions: InteractionImport.template()
        case .deficits: DeficitImport.template()
        case .routeSteps: RouteStepImport.template()
        }
    }
}

/// Who runs an import: a signed-in user (their principal limits what the file may touch) or the command line.
struct ImportActor: Sendable {
    let userID: UUID?
    let login: String
    let principal: Principal?

    static let commandLine = ImportActor(userID: nil, login: "командная строка", principal: nil)
}

/// Whose objects a file may write.
enum ImportScope: Sendable {
    /// The web upload and `--municipality`: rows of other municipalities' schools are skipped (results)
    /// or refused (registry, unless the importer may write there).
    case municipality(Municipality)
    /// `opora import vpr|ege` without `--municipality`: the whole region, each row to its school.
    case region(UUID)

    var regionID: UUID {
        switch self {
        case .municipality(let m): m.$region.id
        case .region(let id): id
        }
    }
    var municipality: Municipality? { if case .municipality(let m) = self { m } else { nil } }
    var municipalityID: UUID? { municipality?.id }
}

/// A file label the registry did not recognise, with the rows that carry it.
struct UnmatchedSchool: Codable, Sendable, Equatable { var kind: String; var value: String; var label: String; var rows: [Int] }

/// The one result shape of every import: what was written, or the errors (row, column, message)
/// and nothing written, or the schools to match first. The job row keeps it as JSON.
struct ImportOutcome: Codable, Sendable {
    var created = 0
    var updated = 0
    var written = 0
    var skippedOtherMunicipality = 0
    var references = 0
    var errors: [ImportError] = []
    var notes: [String] = []
    var unmatched: [UnmatchedSchool] = []

    init(created: Int = 0, updated: Int = 0, written: Int = 0, errors: [ImportError] = [], notes: [String] = [], unmatched: [UnmatchedSchool] = []) {
        self.created = created; self.updated = updated; self.written = written; self.errors = errors; self.notes = notes; self.unmatched = unmatched
    }

    var status: ImportStatus { !errors.isEmpty ? .failed : (!unmatched.isEmpty ? .needsMatching : .done) }
    /// Rows written: created and updated registry rows, or result rows.
    var rows: Int { created + updated + written }

    /// The job list's and audit entry's one line.
    func summary(_ kind: ImportKind) -> String {
        switch status {
        case .done where kind.area != .results: "создано: \(created), обновлено: \(updated)"
        case .done: "записано строк: \(written)" + (references > 0 ? ", региональных значений: \(references)" : "")
        case .needsMatching: "не узнано школ: \(unmatched.count), ничего не записано"
        case .failed, .running: "ошибок: \(errors.count), ничего не записано"
        }
    }

    // Jobs of the first releases kept a registry import's errors as a bare array.
    init(from decoder: any Decoder) throws {
        if let errors = try? [ImportError](from: decoder) { self.init(errors: errors); return }
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        created = try c.decodeIfPresent(Int.self, forKey: .created) ?? 0
        updated = try c.decodeIfPresent(Int.self, forKey: .updated) ?? 0
        written = try c.decodeIfPresent(Int.self, forKey: .written) ?? 0
        skippedOtherMunicipality = try c.decodeIfPresent(Int.self, forKey: .skippedOtherMunicipality) ?? 0
        references = try c.decodeIfPresent(Int.self, forKey: .references) ?? 0
        errors = try c.decodeIfPresent([ImportError].self, forKey: .errors) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        unmatched = try c.decodeIfPresent([UnmatchedSchool].self, forKey: .unmatched) ?? []
    }
}
