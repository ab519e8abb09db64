import Fluent
import SQLKit

/// Exam results and everything the results monitoring reads (issue 4).
struct M006_CreateResults: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("ege_results").field("id", .int, .identifier(auto: true))
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required).field("subject", .string, .required).field("participants", .int, .required)
            .field("average", .string, .required).field("sd", .double).field("below_minimum", .int).field("high_scorers", .int)
            .field("import_id", .uuid)
            .unique(on: "school_id", "year", "subject").create()
        try await db.schema("vpr_results").field("id", .int, .identifier(auto: true))
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required).field("subject", .string, .required).field("grade", .int, .required)
            .field("participants", .int, .required)
            .field("m2", .int).field("m3", .int).field("m4", .int).field("m5", .int)
            .field("p2", .string).field("p3", .string).field("p4", .string).field("p5", .string)
            .field("source", .string, .required).field("import_id", .uuid)
            .unique(on: "school_id", "year", "subject", "grade").create()
        try await db.schema("oge_results").field("id", .int, .identifier(auto: true))
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required).field("subject", .string, .required).field("participants", .int, .required)
            .field("average_mark", .string).field("average_score", .string).field("below_threshold", .int).field("below_share", .string)
            .field("import_id", .uuid)
            .unique(on: "school_id", "year", "subject").create()
        try await db.schema("term_results").field("id", .int, .identifier(auto: true))
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required).field("period", .string, .required).field("grade", .int).field("class_name", .string, .required)
            .field("subject", .string, .required).field("participants", .int, .required)
            .field("success_rate", .string, .required).field("quality_rate", .string, .required).field("import_id", .uuid)
            .create()
        try await db.schema("journal_comparisons").field("id", .int, .identifier(auto: true))
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required).field("subject", .string, .required).field("grade", .int, .required)
            .field("participants", .int, .required).field("lowered", .int, .required).field("confirmed", .int, .required)
            .field("raised", .int, .required).field("import_id", .uuid)
            .unique(on: "school_id", "year", "subject", "grade").create()
        try await db.schema("vpr_participants").field("id", .int, .identifier(auto: true))
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required).field("subject", .string, .required).field("grade", .int, .required)
            .field("class_name", .string, .required).field("participant", .string, .required)
            .field("primary_score", .int).field("mark", .int).field("journal_mark", .int).field("import_id", .uuid)
            .create()
        try await db.schema("objectivity_flags").field("id", .int, .identifier(auto: true))
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .field("year", .int, .required).field("procedure", .string, .required).field("import_id", .uuid)
            .unique(on: "school_id", "year", "procedure").create()
        try await db.schema("reference_values").id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("exam", .string, .required).field("subject", .string, .required).field("grade", .int, .required)
            .field("year", .int, .required).field("value", .string, .required).field("source", .string, .required)
            .unique(on: "region_id", "exam", "subject", "grade", "year").create()
        try await db.schema("school_key_mappings").id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("key_kind", .string, .required).field("key_value", .string, .required)
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .unique(on: "region_id", "key_kind", "key_value").create()
        try await db.schema("mark_boundaries").id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("subject", .string, .required).field("grade", .int, .required).field("year", .int, .required)
            .field("min3", .int, .required).field("min4", .int, .required).field("min5", .int, .required)
            .unique(on: "region_id", "subject", "grade", "year").create()
        try await db.schema("monitoring_campaigns").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("year", .int, .required).field("status", .string, .required).field("deadline", .datetime)
            .field("approved_at", .datetime).field("approved_by", .string).field("snapshot_json", .string)
            .field("created_at", .datetime)
            .unique(on: "municipality_id", "year").create()
        try await db.schema("exclusion_confirmations").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("year", .int, .required).field("result_key", .string, .required)
            .field("confirmed_by", .string, .required).field("at", .datetime, .required).field("comment", .string, .required)
            .unique(on: "municipality_id", "year", "result_key").create()
        if let sql = db as? any SQLDatabase {
            for (table, column) in [("ege_results", "year"), ("vpr_results", "year"), ("oge_results", "year"), ("term_results", "school_id"),
                                    ("vpr_participants", "school_id"), ("journal_comparisons", "year")] {
                try await sql.create(index: "\(table)_\(column)_idx").on(table).column(column).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        for t in ["exclusion_confirmations", "monitoring_campaigns", "mark_boundaries", "school_key_mappings", "reference_values",
                  "objectivity_flags", "vpr_participants", "journal_comparisons", "term_results", "oge_results", "vpr_results", "ege_results"] {
            try await db.schema(t).delete()
        }
    }
}
