import Foundation
import Domain

/// `Charts.lines`: a school against the reference over the years.
enum LineChart {
    /// Space above the plot (the y-axis title and labels above the top points).
    static let marginTop = 36.0
    static let marginRight = 18.0
    /// Space under the plot for the year labels.
    static let marginBottom = 30.0
    /// Extra row under the years for «нет данных» marks, only when something is missing.
    static let missingRow = 18.0
    /// Horizontal room between the axis and the first/last year.
    static let inset = 26.0
    /// Offsets of value labels above / below their point.
    static let labelAbove = 9.0
    static let labelBelow = 18.0

    struct Line {
        var name: String
        var style: Charts.Series.Style
        var values: [Int: Double]
        /// Index among `.other` lines, to vary their dash and marker.
        var otherIndex: Int

        var key: String {
            switch style {
            case .school: "school"
            case .reference: "reference"
            case .other: otherIndex % 2 == 0 ? "other" : "other-alt"
            }
        }
    }

    struct Geometry {
        var width: Double
        var height: Double
        var plotLeft: Double
        var plotRight: Double
        var plotTop: Double
        var plotBottom: Double
        var years: [Int]
        var axis: NiceAxis
        var hasMissing: Bool

        func x(_ year: Int) -> Double {
            guard let i = years.firstIndex(of: year) else { return plotLeft }
            if years.count == 1 { return (plotLeft + plotRight) / 2 }
            let scale = LinearScale(domain: (0, Double(years.count - 1)), range: (plotLeft + LineChart.inset, plotRight - LineChart.inset))
            return scale(Double(i))
        }

        func y(_ value: Double) -> Double {
            LinearScale(domain: (axis.min, axis.max), range: (plotBottom, plotTop))(value)
        }

        /// Distance between neighbouring years.
        var spacing: Double {
            years.count < 2 ? plotRight - plotLeft : (plotRight - plotLeft - 2 * LineChart.inset) / Double(years.count - 1)
        }
    }

    static func lines(_ series: [Charts.Series]) -> [Line] {
        var otherCount = 0
        return series.map { s in
            var values: [Int: Double] = [:]
            for p in s.points {
                if let y = p.y, y.isFinite { values[p.x] = y }
            }
            let index = s.style == .other ? otherCount : 0
            if s.style == .other { otherCount += 1 }
            return Line(name: s.name, style: s.style, values: values, otherIndex: index)
        }
    }

    /// All imported years: the whole range when it is short (so a year missing
    /// everywhere still shows as a gap), otherwise just the years present.
    static func years(_ series: [Charts.Series]) -> [Int] {
        let all = Set(series.flatMap { $0.points.map(\.x) })
        guard let lo = all.min(), let hi = all.max() else { return [] }
        return hi - lo <= 30 ? Array(lo...hi) : all.sorted()
    }

    /// The layout of a chart, or nil when there is no value to draw.
    static func geometry(series: [Charts.Series], width: Int, height: Int) -> Geometry? {
        let years = years(series)
        let lines = lines(series)
        let values = lines.flatMap { $0.values.values }
        guard !years.isEmpty, let lo = values.min(), let hi = values.max() else { return nil }
        let axis = NiceAxis(dataMin: lo, dataMax: hi)
        let tickWidth = axis.ticks.map { Charts.textWidth(Charts.ru($0, digits: axis.digits), fontSize: 13) }.max() ?? 20
        let hasMissing = lines.contains { line in years.contains { line.values[$0] == nil } }
        let w = Double(max(width, 240))
        let h = Double(max(height, 160))
        return Geometry(
            width: w, height: h,
            plotLeft: (tickWidth + 14).rounded(), plotRight: w - marginRight,
            plotTop: marginTop, plotBottom: h - marginBottom - (hasMissing ? missingRow : 0),
            years: years, axis: axis, hasMissing: hasMissing
        )
    }

    static func render(title: String, yLabel: String, series: [Charts.Series], width: Int, height: Int) -> String {
        guard let g = geometry(series: series, width: width, height: height) else {
            return Charts.emptyFigure(kind: "lines", title: title)
        }
        let lines = lines(series)
        let id = Charts.chartID("lines", key(title: title, yLabel: yLabel, lines: lines, years: g.years, width: width, height: height))
        var svg = SVGWriter()
        svg.openRoot(id: id, kind: "lines", width: g.width, height: g.height, title: title,
                     desc: description(title: title, yLabel: yLabel, lines: lines, years: g.years))

        // Axis title and value grid.
        svg.text(yLabel, x: 2, y: 14, cls: "axis-title")
        svg.open("g", [("class", "grid-lines")])
        for tick in g.axis.ticks {
            let y = g.y(tick)
            svg.leaf("line", [("class", tick == g.axis.min ? "axis" : "grid"),
                              ("x1", Charts.n(g.plotLeft)), ("y1", Charts.n(y)), ("x2", Charts.n(g.plotRight)), ("y2", Charts.n(y))])
            svg.text(Charts.ru(tick, digits: g.axis.digits), x: g.plotLeft - 8, y: y + 4, anchor: "end", cls: "tick tick-y")
        }
        svg.close("g")

        // Years, every one or every other when they are crowded.
        let every = g.spacing < 40 ? 2 : 1
        svg.open("g", [("class", "x-labels")])
        for (i, year) in g.years.enumerated() where i % every == 0 || i == g.years.count - 1 {
            svg.text(String(year), x: g.x(year), y: g.plotBottom + 18, anchor: "middle", cls: "tick tick-x")
        }
        svg.close("g")

        // Missing values: a faint guide through the gap and, under the year, the
        // hollow markers of the lines without data and the words «нет данных».
        let short = g.spacing < 96
        if g.hasMissing {
            svg.open("g", [("class", "missing")])
            for year in g.years {
                let missing = lines.filter { $0.values[year] == nil }
                guard !missing.isEmpty else { continue }
                let x = g.x(year)
                svg.leaf("line", [("class", "gap-guide"), ("x1", Charts.n(x)), ("y1", Charts.n(g.plotTop)),
                                  ("x2", Charts.n(x)), ("y2", Charts.n(g.plotBottom))])
                let label = short ? "н/д" : Charts.noData
                let markersWidth = Double(missing.count) * 12
                let total = markersWidth + 3 + Charts.textWidth(label, fontSize: 11)
                var cursor = x - total / 2
                let y = g.plotBottom + 34
                for line in missing {
                    svg.raw(marker(line, x: cursor + 5, y: y - 4, cls: "mk-missing mk-missing-" + line.key, size: 0.85))
                    cursor += 12
                }
                svg.text(label, x: cursor + 3, y: y, cls: "missing-label")
            }
            svg.close("g")
        }

        // Lines, reference first so that the school is drawn on top.
        let order = lines.indices.sorted { drawRank(lines[$0].style) < drawRank(lines[$1].style) || (drawRank(lines[$0].style) == drawRank(lines[$1].style) && $0 < $1) }
        svg.open("g", [("class", "series-lines")])
        for index in order {
            let line = lines[index]
            for run in runs(line, years: g.years) where run.count > 1 {
                let d = run.enumerated().map { i, year in
                    (i == 0 ? "M" : "L") + Charts.n(g.x(year)) + " " + Charts.n(g.y(line.values[year]!))
                }.joined(separator: " ")
                svg.leaf("path", [("class", "ln ln-" + line.key), ("d", d)])
            }
        }
        svg.close("g")
        svg.open("g", [("class", "series-markers")])
        for index in order {
            let line = lines[index]
            for year in g.years {
                guard let v = line.values[year] else { continue }
                svg.raw(marker(line, x: g.x(year), y: g.y(v), cls: "mk mk-" + line.key))
            }
        }
        svg.close("g")

        // Value labels: each above or below its point, whichever does not collide
        // with the labels and markers of the other lines at that year (the highest
        // value prefers above, the others below); to the right as a last resort.
        svg.open("g", [("class", "value-labels")])
        for year in g.years {
            let present = lines.indices.compactMap { i -> (Int, Double)? in
                guard let v = lines[i].values[year] else { return nil }
                return (i, v)
            }.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && drawRank(lines[$0.0].style) > drawRank(lines[$1.0].style)) }
            let x = g.x(year)
            // Occupied vertical bands at this x: markers first, then placed labels.
            var taken: [(Double, Double)] = present.map { (g.y($0.1) - 5, g.y($0.1) + 5) }
            for (rank, item) in present.enumerated() {
                let y = g.y(item.1)
                let cls = "val val-" + lines[item.0].key
                let above = (y - labelAbove - 9, y - labelAbove + 1)
                let below = (y + labelBelow - 9, y + labelBelow + 1)
                let fitsAbove = above.0 >= g.plotTop - 30 && !taken.contains { overlaps($0, above) }
                let fitsBelow = below.1 <= g.plotBottom - 1 && !taken.contains { overlaps($0, below) }
                let preferAbove = rank == 0
                if fitsAbove && (preferAbove || !fitsBelow) {
                    svg.text(Charts.ru(item.1), x: x, y: y - labelAbove, anchor: "middle", cls: cls)
                    taken.append(above)
                } else if fitsBelow {
                    svg.text(Charts.ru(item.1), x: x, y: y + labelBelow, anchor: "middle", cls: cls)
                    taken.append(below)
                } else {
                    let rightOfLast = x > g.plotRight - LineChart.inset - 1
                    svg.text(Charts.ru(item.1), x: rightOfLast ? x - 9 : x + 9, y: y + 4,
                             anchor: rightOfLast ? "end" : "start", cls: cls)
                }
            }
        }
        svg.close("g")
        svg.close("svg")

        var legend = lines.map { line -> String in
            "<svg class=\"chart-key\" viewBox=\"0 0 34 12\" width=\"34\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">"
                + "<path class=\"ln ln-\(line.key) key\" d=\"M1 6 L33 6\"/>"
                + marker(line, x: 17, y: 6, cls: "mk mk-\(line.key) key")
                + "</svg>" + Markup.escape(line.name)
        }
        if g.hasMissing, let first = lines.first(where: { line in g.years.contains { line.values[$0] == nil } }) {
            legend.append(
                "<svg class=\"chart-key\" viewBox=\"0 0 14 12\" width=\"14\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">"
                    + marker(first, x: 7, y: 6, cls: "mk-missing mk-missing-\(first.key) key", size: 0.85)
                    + "</svg>" + (short ? "н/д — нет данных за год (разрыв линии)" : "нет данных за год (разрыв линии)")
            )
        }
        return Charts.figure(kind: "lines", title: title, svg: svg.out, legend: legend)
    }

    static func overlaps(_ a: (Double, Double), _ b: (Double, Double)) -> Bool {
        a.0 < b.1 && b.0 < a.1
    }

    static func drawRank(_ style: Charts.Series.Style) -> Int {
        switch style {
        case .other: 0
        case .reference: 1
        case .school: 2
        }
    }

    /// Consecutive years (in axis order) that have a value.
    static func runs(_ line: Line, years: [Int]) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for year in years {
            if line.values[year] != nil {
                current.append(year)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The marker of a line at (x, y): circle (school), square (reference),
    /// diamond or triangle (others).
    static func marker(_ line: Line, x: Double, y: Double, cls: String, size: Double = 1) -> String {
        let c = SVGWriter.attrs([("class", cls)])
        switch line.style {
        case .school:
            return "<circle" + c + " cx=\"\(Charts.n(x))\" cy=\"\(Charts.n(y))\" r=\"\(Charts.n(4.5 * size))\"/>"
        case .reference:
            let s = 8.0 * size
            return "<rect" + c + " x=\"\(Charts.n(x - s / 2))\" y=\"\(Charts.n(y - s / 2))\" width=\"\(Charts.n(s))\" height=\"\(Charts.n(s))\"/>"
        case .other:
            let r = 5.5 * size
            let d = line.otherIndex % 2 == 0
                ? "M\(Charts.n(x)) \(Charts.n(y - r)) L\(Charts.n(x + r)) \(Charts.n(y)) L\(Charts.n(x)) \(Charts.n(y + r)) L\(Charts.n(x - r)) \(Charts.n(y)) Z"
                : "M\(Charts.n(x)) \(Charts.n(y - r)) L\(Charts.n(x + r)) \(Charts.n(y + r * 0.8)) L\(Charts.n(x - r)) \(Charts.n(y + r * 0.8)) Z"
            return "<path" + c + " d=\"\(d)\"/>"
        }
    }

    /// A short Russian summary of the data for `<desc>`.
    static func description(title: String, yLabel: String, lines: [Line], years: [Int]) -> String {
        var parts = [title + ". По горизонтали — годы, по вертикали — " + lowercasedFirst(yLabel) + "."]
        for line in lines {
            let values = years.map { year -> String in
                String(year) + " — " + ((line.values[year]).map { Charts.ru($0) } ?? Charts.noData)
            }
            parts.append(line.name + ": " + values.joined(separator: "; ") + ".")
        }
        return parts.joined(separator: " ")
    }

    static func lowercasedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        // Keep abbreviations such as «ЕГЭ» intact.
        if s.count > 1, s.dropFirst().first?.isUppercase == true { return s }
        return first.lowercased() + s.dropFirst()
    }

    static func key(title: String, yLabel: String, lines: [Line], years: [Int], width: Int, height: Int) -> String {
        var key = title + "\u{1E}" + yLabel + "\u{1E}\(width)x\(height)"
        for line in lines {
            key += "\u{1E}" + line.name + "\u{1F}" + line.key
            for year in years { key += "\u{1F}\(year)=" + ((line.values[year]).map { String($0) } ?? "-") }
        }
        return key
    }
}
