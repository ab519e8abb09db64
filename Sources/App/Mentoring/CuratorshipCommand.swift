import Vapor
import Fluent
import Domain

/// `opora curatorship figures --municipality CODE --from DATE --to DATE --format csv|json`:
/// the figures of «Сопровождение» in long form (`scope, scope_code, figure, value`), from the
/// same snapshot and rules as the page.
enum CuratorshipCommand {
    static let command = PeriodFiguresCommand(usage: "curatorship figures", title: "Показатели сопровождения") { m, from, to, db in
        let rows = try await CuratorshipService.snapshot(m, from: from, to: to, on: db).rows
        return (CuratorshipFigures.csv(rows), CuratorshipFigures.json(rows))
    }
}
