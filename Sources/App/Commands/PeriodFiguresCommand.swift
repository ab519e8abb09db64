import Vapor
import Fluent
import Domain

/// The one shape of an area's figures over a period on the command line:
/// `opora <area> <what> --municipality CODE --from DATE --to DATE --format csv|json`,
/// the same rows as the area's page (its CSV and JSON are the area's own).
struct PeriodFiguresCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what") var what: String
        @Option(name: "municipality") var municipality: String?
        @Option(name: "from") var from: String?
        @Option(name: "to") var to: String?
        @Option(name: "format") var format: String?
    }
    typealias Output = (csv: String, json: String)

    /// e.g. "curatorship figures".
    let usage: String
    let title: String
    let figures: @Sendable (Municipality, CalendarDay, CalendarDay, any Database) async throws -> Output

    var help: String { "\(title): \(usage) --municipality CODE --from ДАТА --to ДАТА --format csv|json" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard s.what == usage.split(separator: " ").last.map(String.init) else {
            throw Abort(.badRequest, reason: "Использование: \(usage) --municipality CODE --from ДАТА --to ДАТА --format csv|json")
        }
        let m = try await Municipality.required(code: s.municipality, on: context.application.db)
        guard let from = s.from.flatMap(CalendarDay.parse), let to = s.to.flatMap(CalendarDay.parse) else {
            throw Abort(.badRequest, reason: "Укажите --from и --to: даты в виде 2026-09-01 или 01.09.2026")
        }
        guard from <= to else { throw Abort(.badRequest, reason: "--from позже --to: поменяйте даты местами") }
        let text = try Self.render(try await figures(m, from, to, context.application.db), format: s.format ?? "csv")
        context.console.output(ConsoleText(stringLiteral: text), newLine: false)
    }

    static func render(_ output: Output, format: String) throws -> String {
        switch format {
        case "csv": output.csv
        case "json": output.json + "\n"
        default: throw Abort(.badRequest, reason: "Формат: csv или json")
        }
    }
}
