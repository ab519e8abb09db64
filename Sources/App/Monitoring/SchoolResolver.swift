import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Foundation
import Domain
import Importing

/// Finds the school a result row belongs to: by our code, the ФИС ОКО login, the
/// Код ОО with its Код МСУ, or a label the municipality's center matched once.
/// Never by name.
///
/// РИС ГИА identifies a school by Код ОО together with Код МСУ (RESULT-FILES): a Код ОО
/// may repeat in another municipality. The registry keeps the Код ОО of a school; the
/// Код МСУ of each of our municipalities is taken from remembered matches and, for one
/// file, from the file itself (`learnMunicipalities`): the Код МСУ under which a
/// municipality's own Коды ОО appear, when that is unambiguous. A row is our school only
/// under its municipality's Код МСУ; codes are compared without leading zeros.
/// What matching needs of a school: its ids, municipality and the codes files name it by.
struct ResolvedSchool: Sendable, Hashable {
    let id: UUID?
    let no: Int?
    let municipalityID: UUID
    let code: String
    let fisOkoLogin: String?
    let giaCode: String?
}

struct SchoolResolver: Sendable {
    let regionID: UUID
    /// Each school once; the lookups below hold its position (four bytes), not a copy:
    /// the region's 40,000 schools cost a few MB however many ways they are found by.
    private var schools: [ResolvedSchool] = []
    private var byCode: [String: Int32] = [:]
    private var byLogin: [String: Int32] = [:]
    /// By Код ОО without leading zeros.
    private var byGia: [String: Int32] = [:]
    private var byID: [UUID: Int32] = [:]
    private var mapped: [String: UUID] = [:]
    /// Код МСУ (without leading zeros) → our municipality.
    private(set) var municipalityOfMSU: [String: UUID] = [:]

    /// `municipalityID`: whose remembered matches apply (a center's matches are its own).
    static func load(regionID: UUID, municipalityID: UUID?, on db: any Database) async throws -> SchoolResolver {
        var r = SchoolResolver(regionID: regionID)
        // Six columns as plain values, not 40,000 Fluent models: the national file's matching
        // costs a few MB instead of hundreds.
        guard let sql = db as? any SQLDatabase else { throw ImportFailure(file: "База данных не поддерживает загрузку результатов.") }
        // Rows are taken as they come (not gathered into an array of rows first).
        let read = NIOLockedValueBox<(schools: [ResolvedSchool], failure: (any Error)?)>(([], nil))
        try await sql.select().column("id").column("no").column("municipality_id").column("code").column("fis_oko_login")
            .column("gia_code").from(School.schema).where("region_id", .equal, SQLBind(regionID)).run { row in
                read.withLockedValue { acc in
                    guard acc.failure == nil else { return }
                    do {
                        acc.schools.append(ResolvedSchool(id: try row.decode(column: "id", as: UUID.self), no: try row.decode(column: "no", as: Int?.self),
                                                          municipalityID: try row.decode(column: "municipality_id", as: UUID.self),
                                                          code: try row.decode(column: "code", as: String.self),
                                                          fisOkoLogin: try row.decode(column: "fis_oko_login", as: String?.self),
                                                          giaCode: try row.decode(column: "gia_code", as: String?.self)))
                    } catch { acc.failure = error }
                }
            }
        let (schools, failure) = read.withLockedValue { ($0.schools, $0.failure) }
        if let failure { throw failure }
        r.schools = schools
        r.byID.reserveCapacity(schools.count); r.byCode.reserveCapacity(schools.count)
        for (i, s) in schools.enumerated() {
            let at = Int32(i)
            r.byID[s.id!] = at
            r.byCode[s.code.lowercased()] = at
            if let l = s.fisOkoLogin { r.byLogin[l] = at }
            if let g = s.giaCode { r.byGia[GIACode.normalized(g)] = at }
        }
        let matches = municipalityID.map { SchoolKeyMatch.query(on: db).filter(\.$municipality.$id == $0) }
        for m in try await matches?.all() ?? [] {
            r.mapped["\(m.keyKind)|\(m.keyValue)"] = m.$school.id
            // A remembered «Код МСУ/Код ОО» tells that municipality's Код МСУ.
            if m.keyKind == "gia", let slash = m.keyValue.firstIndex(of: "/"), let school = r.at(r.byID[m.$school.id]) {
                r.municipalityOfMSU[String(m.keyValue[..<slash])] = school.municipalityID
            }
        }
        return r
    }

    /// Learns the Код МСУ of our municipalities from the keys of one file: a municipality
    /// gets the Код МСУ under which most of its schools' Коды ОО appear (ties: the one with
    /// fewer other codes), when that Код МСУ has it as its own best match too; ambiguous
    /// cases learn nothing (their rows are then matched by the user once).
    mutating func learnMunicipalities(from keys: [SchoolKey]) {
        var codesOf: [String: Set<String>] = [:]
        for k in keys { if case .gia(let oo, let msu?) = k { codesOf[msu, default: []].insert(oo) } }
        let known = Set(municipalityOfMSU.keys)
        let open = codesOf.filter { !known.contains($0.key) }
        guard !open.isEmpty else { return }
        // score(msu, municipality) = (our codes found under msu, −codes of msu that are not that municipality's)
        var score: [String: [UUID: (Int, Int)]] = [:]
        for (msu, codes) in open {
            var found: [UUID: Int] = [:]
            for c in codes { if let s = at(byGia[c]) { found[s.municipalityID, default: 0] += 1 } }
            for (m, n) in found { score[msu, default: [:]][m] = (n, n - codes.count) }
        }
        func best<K: Hashable>(_ options: [K: (Int, Int)]) -> K? {
            let sorted = options.sorted { $0.value > $1.value }
            guard let top = sorted.first, sorted.count == 1 || sorted[1].value < top.value else { return nil }
            return top.key
        }
        var byMunicipality: [UUID: [String: (Int, Int)]] = [:]
        for (msu, ms) in score { for (m, v) in ms { byMunicipality[m, default: [:]][msu] = v } }
        let taken = Set(municipalityOfMSU.values)
        for (msu, ms) in score {
            guard let m = best(ms), !taken.contains(m), let back = byMunicipality[m].flatMap(best), back == msu else { continue }
            municipalityOfMSU[msu] = m
        }
    }

    static func key(_ k: SchoolKey) -> (kind: String, value: String) {
        switch k {
        case .code(let v): ("code", v)
        case .login(let v): ("login", v)
        case .gia(let v, let msu): ("gia", msu.map { "\($0)/\(v)" } ?? v)
        case .label(let v): ("label", v)
        }
    }

    /// nil = unknown; the user is asked to match it once.
    func school(_ k: SchoolKey) -> ResolvedSchool? {
        let (kind, value) = Self.key(k)
        if !mapped.isEmpty, let id = mapped["\(kind)|\(value)"] { return at(byID[id]) }
        switch k {
        case .code(let v): return at(byCode[v.lowercased()] ?? byGia[GIACode.normalized(v)] ?? FisOkoLogin.digits(v).flatMap { byLogin[$0] })
        case .login(let v): return at(byLogin[FisOkoLogin.digits(v) ?? v])
        case .gia(let v, let msu):
            guard let s = at(byGia[GIACode.normalized(v)]) else { return nil }
            guard let msu else { return s }
            // Only under its own municipality's Код МСУ: the same Код ОО elsewhere is another school.
            return municipalityOfMSU[msu] == s.municipalityID ? s : nil
        case .label(let v): return at(FisOkoLogin.find(in: v).flatMap { byLogin[$0] })
        }
    }

    private func at(_ i: Int32?) -> ResolvedSchool? { i.map { schools[Int($0)] } }

    /// A РИС ГИА row of another municipality than `municipality`: its Код МСУ is another
    /// municipality's, or `municipality`'s own Код МСУ is known and differs.
    func isOtherMunicipality(_ k: SchoolKey, than municipality: UUID) -> Bool {
        guard case .gia(_, let msu?) = k else { return false }
        if let m = municipalityOfMSU[msu] { return m != municipality }
        return municipalityOfMSU.values.contains(municipality)
    }

    /// The label shown to the user for an unknown key.
    static func describe(_ k: SchoolKey) -> String {
        switch k {
        case .code(let v): "код «\(v)»"
        case .login(let v): "логин ФИС ОКО \(FisOkoLogin.display(FisOkoLogin.digits(v) ?? v))"
        case .gia(let v, let msu): "Код ОО \(v)" + (msu.map { " (Код МСУ \($0))" } ?? "")
        case .label(let v): "«\(v)»"
        }
    }
}
