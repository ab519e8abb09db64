import Foundation
import Domain
import Importing

/// `ResultImportService.match` for rows that stream by: the same decisions (keys marked
/// «не наша школа» and schools of other municipalities skipped, unknown schools collected
/// with all their rows, in the order first seen), made once per school and remembered —
/// consecutive rows of one school (the usual order of a file) compare the key's bytes only.
/// Used on the reading thread alone; read after that thread has been joined.
final class ResultStreamMatch: @unchecked Sendable {
    enum Decision { case write(Int), skip, unknown(String) }

    private let resolver: SchoolResolver
    /// nil: every municipality of the region (each row goes to its school).
    private let municipalityID: UUID?
    private let skipping: Set<String>
    /// Decisions by the key's «kind|value» (a short string held inline): school number ≥ 0,
    /// `skipped` or `unknown` — some 1 MB for a region's 40,000 schools, a quarter of a
    /// dictionary of keys and decisions.
    private var decided: [String: Int] = [:]
    private static let skipped = -1, unknownSchool = -2
    private var lastBytes: [UInt8] = [], lastIsLogin = false, lastKey: SchoolKey?, last: Decision?
    private var unknown: [String: ResultImportService.Unmatched] = [:], order: [String] = []
    private(set) var skipped = 0

    init(resolver: SchoolResolver, municipalityID: UUID?, skipping: Set<String>) {
        self.resolver = resolver; self.municipalityID = municipalityID; self.skipping = skipping
    }

    var unmatched: [ResultImportService.Unmatched] { order.compactMap { unknown[$0] } }

    /// Every checked row, once: counts the skipped rows and notes the unknown schools.
    func note(_ school: FastSchool, row: Int) {
        switch decide(school) {
        case .write: break
        case .skip: skipped += 1
        case .unknown(let id): unknown[id]?.rows.append(row)
        }
    }

    /// The school number to write the row under; nil for a skipped row, and for every row
    /// once an unknown school has been seen (nothing is written then; the file is still read).
    func number(_ school: FastSchool) -> Int? {
        guard unknown.isEmpty, case .write(let no) = decide(school) else { return nil }
        return no
    }

    private func decide(_ school: FastSchool) -> Decision {
        switch school {
        case .login(let b), .code(let b):
            let isLogin = if case .login = school { true } else { false }
            if let last, lastKey == nil, isLogin == lastIsLogin, b.elementsEqual(lastBytes) { return last }
            let d = decide(school.key)
            lastBytes = Array(b); lastIsLogin = isLogin; lastKey = nil; last = d
            return d
        case .key(let k):
            if let last, lastKey == k { return last }
            let d = decide(k)
            lastKey = k; last = d
            return d
        }
    }

    private func decide(_ k: SchoolKey) -> Decision {
        let (kind, value) = SchoolResolver.key(k)
        let id = "\(kind)|\(value)"
        if let known = decided[id] {
            return known >= 0 ? .write(known) : known == Self.skipped ? .skip : .unknown(id)
        }
        let d: Decision
        // (A Код МСУ of another municipality skips its row, as in `match`; simple files name none.)
        if skipping.contains(id) || municipalityID.map({ resolver.isOtherMunicipality(k, than: $0) }) == true { d = .skip }
        else if let school = resolver.school(k) {
            d = municipalityID == nil || school.municipalityID == municipalityID ? .write(school.no!) : .skip
        } else {
            d = .unknown(id)
            if unknown[id] == nil { order.append(id); unknown[id] = .init(kind: kind, value: value, label: SchoolResolver.describe(k), rows: []) }
        }
        switch d {
        case .write(let no): decided[id] = no
        case .skip: decided[id] = Self.skipped
        case .unknown: decided[id] = Self.unknownSchool
        }
        return d
    }
}
