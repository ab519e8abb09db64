import Fluent
import Foundation
import Domain
import Importing

/// Finds the school a result row belongs to: by our code, the ФИС ОКО login, the
/// Код ОО, or a label the user matched once (remembered per region). Never by name.
struct SchoolResolver: Sendable {
    let regionID: UUID
    private var byCode: [String: School] = [:]
    private var byLogin: [String: School] = [:]
    private var byGia: [String: School] = [:]
    private var byID: [UUID: School] = [:]
    private var mapped: [String: UUID] = [:]

    static func load(regionID: UUID, on db: any Database) async throws -> SchoolResolver {
        var r = SchoolResolver(regionID: regionID)
        for s in try await School.query(on: db).filter(\.$regionID == regionID).all() {
            r.byID[s.id!] = s
            r.byCode[s.code.lowercased()] = s
            if let l = s.fisOkoLogin { r.byLogin[l] = s }
            if let g = s.giaCode { r.byGia[g] = s }
        }
        for m in try await SchoolKeyMapping.query(on: db).filter(\.$regionID == regionID).all() {
            r.mapped["\(m.keyKind)|\(m.keyValue)"] = m.$school.id
        }
        return r
    }

    static func key(_ k: SchoolKey) -> (kind: String, value: String) {
        switch k {
        case .code(let v): ("code", v)
        case .login(let v): ("login", v)
        case .gia(let v): ("gia", v)
        case .label(let v): ("label", v)
        }
    }

    /// nil = unknown; the user is asked to match it once.
    func school(_ k: SchoolKey) -> School? {
        let (kind, value) = Self.key(k)
        if let id = mapped["\(kind)|\(value)"] { return byID[id] }
        switch k {
        case .code(let v): return byCode[v.lowercased()] ?? byGia[v] ?? FisOkoLogin.digits(v).flatMap { byLogin[$0] }
        case .login(let v): return byLogin[FisOkoLogin.digits(v) ?? v]
        case .gia(let v): return byGia[v] ?? byGia[String(v.drop { $0 == "0" })]
        case .label(let v): return FisOkoLogin.find(in: v).flatMap { byLogin[$0] }
        }
    }

    /// The label shown to the user for an unknown key.
    static func describe(_ k: SchoolKey) -> String {
        switch k {
        case .code(let v): "код «\(v)»"
        case .login(let v): "логин ФИС ОКО \(FisOkoLogin.display(FisOkoLogin.digits(v) ?? v))"
        case .gia(let v): "Код ОО \(v)"
        case .label(let v): "«\(v)»"
        }
    }
}
