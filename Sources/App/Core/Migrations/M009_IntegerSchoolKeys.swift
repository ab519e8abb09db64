import Fluent
import SQLKit
import Foundation

/// Schools get a permanent integer number (`schools.no`), and the two big result tables
/// are keyed by it instead of the 36-character school id: the unique key of every
/// ЕГЭ/ВПР row becomes (school_no, year, subject[, grade]) of small integers and short
/// text, which is what makes national-scale loads and reads fast (BENCHMARKS.md). The
/// separate year index goes: every query names its schools; the country-wide read scans.
/// Row ids are kept, so confirmed exclusions ("vpr:<id>") stay valid.
struct M009_IntegerSchoolKeys: AsyncMigration {
    /// One transaction: a failure leaves the database as it was (both databases roll back DDL).
    func prepare(on db: any Database) async throws {
        try await db.transaction { db in try await migrate(db) }
    }

    private func migrate(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let postgres = sql.dialect.name == "postgresql"
        try await db.schema("schools").field("no", .int64).update()
        // Numbers in the order schools were created (ties by id): deterministic.
        let numbered = try await sql.select().column("id").from("schools").orderBy("created_at").orderBy("id").all()
        for (i, row) in numbered.enumerated() {
            let id = try row.decode(column: "id", as: UUID.self)
            try await sql.update("schools").set("no", to: SQLBind(Int64(i + 1))).where("id", .equal, SQLBind(id)).run()
        }
        try await sql.create(index: "schools_no_idx").on("schools").column("no").unique().run()

        try await db.schema("ege_results_v2").field("id", .int, .identifier(auto: true))
            .field("school_no", .int64, .required, .references("schools", "no", onDelete: .cascade))
            .field("year", .int, .required).field("subject", .string, .required).field("participants", .int, .required)
            .field("average", .string, .required).field("sd", .double).field("below_minimum", .int).field("high_scorers", .int)
            .field("import_id", .uuid)
            .unique(on: "school_no", "year", "subject", name: "ege_results_key").create()
        try await sql.raw("""
            INSERT INTO ege_results_v2 (id, school_no, year, subject, participants, average, sd, below_minimum, high_scorers, import_id)
            SELECT r.id, s.no, r.year, r.subject, r.participants, r.average, r.sd, r.below_minimum, r.high_scorers, r.import_id
            FROM ege_results r JOIN schools s ON s.id = r.school_id
            """).run()
        try await db.schema("vpr_results_v2").field("id", .int, .identifier(auto: true))
            .field("school_no", .int64, .required, .references("schools", "no", onDelete: .cascade))
            .field("year", .int, .required).field("subject", .string, .required).field("grade", .int, .required)
            .field("participants", .int, .required)
            .field("m2", .int).field("m3", .int).field("m4", .int).field("m5", .int)
            .field("p2", .string).field("p3", .string).field("p4", .string).field("p5", .string)
            .field("source", .string, .required).field("import_id", .uuid)
            .unique(on: "school_no", "year", "subject", "grade", name: "vpr_results_key").create()
        try await sql.raw("""
            INSERT INTO vpr_results_v2 (id, school_no, year, subject, grade, participants, m2, m3, m4, m5, p2, p3, p4, p5, source, import_id)
            SELECT r.id, s.no, r.year, r.subject, r.grade, r.participants, r.m2, r.m3, r.m4, r.m5, r.p2, r.p3, r.p4, r.p5, r.source, r.import_id
            FROM vpr_results r JOIN schools s ON s.id = r.school_id
            """).run()
        for t in ["ege_results", "vpr_results"] {
            try await db.schema(t).delete()
            try await sql.raw("ALTER TABLE \(ident: t + "_v2") RENAME TO \(ident: t)").run()
            if postgres {
                // Ids were copied: the identity continues after the largest one.
                try await sql.raw("SELECT setval(pg_get_serial_sequence(\(literal: t), 'id'), COALESCE((SELECT max(id) FROM \(ident: t)), 0) + 1, false)").run()
            }
        }
    }

    struct Irreversible: Error, CustomStringConvertible {
        var description: String { "M009 не откатывается: номера школ уже стали ключами результатов; восстановите базу из резервной копии." }
    }
    func revert(on db: any Database) async throws { throw Irreversible() }
}

/// Gives every new school the next number (`max + 1`) in the same transaction as its
/// insert; on PostgreSQL a transaction-scoped advisory lock serialises concurrent creations
/// across instances (SQLite has one writer anyway). Batch inserts (`[School].create`) run
/// the middleware for all models before inserting, so they must set `no` themselves
/// (DemoSeeder does).
struct SchoolNumbering: AsyncModelMiddleware {
    static let lockKey = 734_009

    func create(model: School, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        guard model.no == nil else { return try await next.create(model, on: db) }
        if db.inTransaction {
            try await number(model, db)
            try await next.create(model, on: db)
        } else {
            try await db.transaction { tx in
                try await number(model, tx)
                try await next.create(model, on: tx)
            }
        }
    }

    private func number(_ model: School, _ db: any Database) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.lockKey))").run()
        }
        model.no = (try await School.query(on: db).max(\.$no) ?? 0) + 1
    }
}
