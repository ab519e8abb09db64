/// What reading one workbook may cost. A zip states the sizes of its parts, but a
/// hostile file can lie about them, so the reader counts what it really produces.
public struct XLSXLimits: Sendable, Equatable {
    /// Bytes inflated from all parts of the workbook together.
    public var bytes: Int
    /// Cells the sheets of the workbook expand to, together: filled ones, the empty
    /// ones between them and one per row, so that sparse far-away cells cannot make
    /// the reader build a huge table.
    public var cells: Int

    public init(bytes: Int, cells: Int) {
        self.bytes = bytes
        self.cells = cells
    }

    /// 300 MB (the limit the reader always had) and 20 million cells (about 300 MB of
    /// cell texts, more than the largest ФИС ОКО report holds).
    public static let standard = XLSXLimits(bytes: 300 * 1024 * 1024, cells: 20_000_000)
}

/// A budget spent by named parts. A part read again is charged once, not twice, so
/// reading the same sheet twice costs no more than reading it once.
final class ReadBudget {
    let limit: Int
    private var spentByPart: [String: Int] = [:]
    private var total = 0

    init(limit: Int) { self.limit = limit }

    /// What `part` may spend: the limit less what the other parts have spent.
    func allowance(for part: String) -> Int {
        limit - (total - (spentByPart[part] ?? 0))
    }

    func charge(_ part: String, _ amount: Int) {
        total += amount - (spentByPart[part] ?? 0)
        spentByPart[part] = amount
    }
}
