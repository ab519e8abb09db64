import Foundation
import Domain

/// `Charts.columns`: counts per year as labelled columns.
enum ColumnChart {
    static let marginTop = 24.0
    static let marginBottom = 28.0
    static let marginSide = 10.0
    static let maxColumnWidth = 44.0

    struct Column: Equatable {
        var label: String
        var value: Int
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    struct Geometry {
        var width: Double
        var height: Double
        var baseline: Double
        var columns: [Column]
    }

    static func geometry(items: [(label: String, value: Int)], width: Int, height: Int) -> Geometry {
        let w = Double(max(width, 200))
        let h = Double(max(height, 120))
        let baseline = h - marginBottom
        let plotHeight = baseline - marginTop
        let slot = (w - 2 * marginSide) / Double(max(items.count, 1))
        let columnWidth = min(slot * 0.5, maxColumnWidth)
        let top = max(items.map { max($0.value, 0) }.max() ?? 0, 1)
        let columns = items.enumerated().map { i, item -> Column in
            let v = max(item.value, 0)
            let colHeight = Double(v) / Double(top) * plotHeight
            let center = marginSide + slot * (Double(i) + 0.5)
            return Column(label: item.label, value: item.value, x: center - columnWidth / 2, y: baseline - colHeight,
                          width: columnWidth, height: colHeight)
        }
        return Geometry(width: w, height: h, baseline: baseline, columns: columns)
    }

    static func render(title: String, items: [(label: String, value: Int)], width: Int, height: Int) -> String {
        guard !items.isEmpty else { return Charts.emptyFigure(kind: "columns", title: title) }
        let g = geometry(items: items, width: width, height: height)
        var key = title + "\u{1E}\(width)x\(height)"
        for item in items { key += "\u{1E}" + item.label + "\u{1F}\(item.value)" }
        let id = Charts.chartID("columns", key)
        let desc = title + ". " + items.map { $0.label + " — " + RuFormat.integer($0.value) }.joined(separator: "; ") + "."

        var svg = SVGWriter()
        svg.openRoot(id: id, kind: "columns", width: g.width, height: g.height, title: title, desc: desc)
        // Thin labels when the columns are too narrow for them.
        let slot = (g.width - 2 * marginSide) / Double(g.columns.count)
        let widest = g.columns.map { Charts.textWidth($0.label, fontSize: 13) }.max() ?? 0
        let every = max(1, Int((widest + 6) / slot) + 1)
        for (i, c) in g.columns.enumerated() {
            let center = c.x + c.width / 2
            svg.open("g", [("class", "column")])
            if c.height > 0 {
                svg.leaf("rect", [("class", "col"), ("x", Charts.n(c.x)), ("y", Charts.n(c.y)),
                                  ("width", Charts.n(c.width)), ("height", Charts.n(c.height))])
            }
            svg.text(RuFormat.integer(c.value), x: center, y: c.y - 6, anchor: "middle", cls: "val val-column")
            if i % every == 0 || i == g.columns.count - 1 {
                svg.text(c.label, x: center, y: g.baseline + 18, anchor: "middle", cls: "tick tick-x")
            }
            svg.close("g")
        }
        svg.leaf("line", [("class", "axis"), ("x1", Charts.n(marginSide)), ("y1", Charts.n(g.baseline)),
                          ("x2", Charts.n(g.width - marginSide)), ("y2", Charts.n(g.baseline))])
        svg.close("svg")
        return Charts.figure(kind: "columns", title: title, svg: svg.out, legend: [])
    }
}
