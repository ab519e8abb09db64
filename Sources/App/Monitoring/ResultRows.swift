import Fluent
import SQLKit
import Foundation
import Domain

/// The two big result tables read through SQLKit rows: Fluent's model decoding costs
/// too much per row for a municipality's page (measured in BENCHMARKS.md).
enum ResultRows {
    struct EGE: Sendable { let id: Int; let schoolNo: Int; let year: Int; let subject: String; let participants: Int; let average: String; let sd: Double?; let belowMinimum: Int? }
    struct VPR: Sendable { let id: Int; let schoolNo: Int; let year: Int; let subject: String; let grade: Int; let participants: Int; let marks: VPRMarks? }

    static func ege(schools: [Int], years: [Int], on db: any Database) async throws -> [EGE] {
        guard !schools.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.select().columns("id", "school_no", "year", "subject", "participants", "average", "sd", "below_minimum")
            .from(EGEResult.schema).where("school_no", .in, schools).where("year", .in, years).all()
        return try rows.map { r in
            EGE(id: try r.decode(column: "id", as: Int.self), schoolNo: try r.decode(column: "school_no", as: Int.self),
                year: try r.decode(column: "year", as: Int.self), subject: try r.decode(column: "subject", as: String.self),
                participants: try r.decode(column: "participants", as: Int.self), average: try r.decode(column: "average", as: String.self),
                sd: try r.decode(column: "sd", as: Double?.self), belowMinimum: try r.decode(column: "below_minimum", as: Int?.self))
        }
    }

    static func vpr(schools: [Int], years: [Int], on db: any Database) async throws -> [VPR] {
        guard !schools.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.select().columns("id", "school_no", "year", "subject", "grade", "participants", "m2", "m3", "m4", "m5", "p2", "p3", "p4", "p5", "source")
            .from(VPRResult.schema).where("school_no", .in, schools).where("year", .in, years).all()
        return try rows.map { r in
            let marks: VPRMarks?
            if try r.decode(column: "source", as: String.self) == "percentages" {
                let p = try ["p2", "p3", "p4", "p5"].compactMap { try r.decode(column: $0, as: String?.self).flatMap { Rational(decimal: $0) } }
                marks = p.count == 4 ? .percentages(p) : nil
            } else {
                let k = try ["m2", "m3", "m4", "m5"].compactMap { try r.decode(column: $0, as: Int?.self) }
                marks = MarkCounts(k).map { .counts($0) }
            }
            return VPR(id: try r.decode(column: "id", as: Int.self), schoolNo: try r.decode(column: "school_no", as: Int.self),
                       year: try r.decode(column: "year", as: Int.self), subject: try r.decode(column: "subject", as: String.self),
                       grade: try r.decode(column: "grade", as: Int.self), participants: try r.decode(column: "participants", as: Int.self), marks: marks)
        }
    }
}
