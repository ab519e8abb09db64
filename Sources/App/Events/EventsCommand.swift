import Vapor
import Fluent
import Domain

/// `opora events coverage --municipality CODE --from D --to D --format csv|json`: the coverage page's
/// figures in long form (`school_code, school, figure, value`).
enum EventsCommand {
    static let command = PeriodFiguresCommand(usage: "events coverage", title: "Охват школ мероприятиями") { m, from, to, db in
        output(try await EventCoverageService.rows(m, from: from, to: to, on: db))
    }

    static func output(_ rows: [EventCoverage.Row]) -> PeriodFiguresCommand.Output { (EventCoverage.csv(rows), EventCoverage.json(rows)) }

    static func render(_ rows: [EventCoverage.Row], format: String) throws -> String {
        try PeriodFiguresCommand.render(output(rows), format: format)
    }
}
