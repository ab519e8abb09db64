import Foundation
import Domain

/// `Charts.stackedBars`: ВПР mark distributions, one 100% bar per year.
enum StackedBarChart {
    static let marks = [2, 3, 4, 5]
    /// Header row (column titles) above the bars.
    static let marginTop = 26.0
    static let marginBottom = 4.0
    static let barHeight = 26.0
    static let rowGap = 12.0
    /// Extra height of a row that has a note under its bar.
    static let noteHeight = 15.0
    /// Width of the participants column right of the bars.
    static let participantsWidth = 96.0
    static let participantsTitle = "Участников"
    static let barsTitle = "Доля отметок, %"

    struct Segment: Equatable {
        var mark: Int
        var x: Double
        var width: Double
        var share: Double
    }

    struct Geometry {
        var width: Double
        var height: Double
        var barX: Double
        var barWidth: Double
        /// Top of each bar.
        var rowY: [Double]
    }

    /// Shares of marks 2…5, missing or invalid ones as 0.
    static func cleanShares(_ shares: [Double]) -> [Double] {
        marks.indices.map { i in
            guard i < shares.count, shares[i].isFinite, shares[i] > 0 else { return 0 }
            return shares[i]
        }
    }

    /// Segments of one bar: widths proportional to the shares, normalised so the
    /// bar is always full (shares rounded in the source rarely sum to exactly 100).
    static func segments(shares: [Double], x: Double, width: Double) -> [Segment] {
        let clean = cleanShares(shares)
        let total = clean.reduce(0, +)
        guard total > 0 else { return [] }
        var cursor = x
        var result: [Segment] = []
        for (i, share) in clean.enumerated() where share > 0 {
            let w = share / total * width
            result.append(Segment(mark: marks[i], x: cursor, width: w, share: share))
            cursor += w
        }
        return result
    }

    static func geometry(bars: [Charts.Bar], width: Int) -> Geometry {
        let w = Double(max(width, 300))
        let labelWidth = max(44, (bars.map { Charts.textWidth($0.label, fontSize: 13) }.max() ?? 0) + 16).rounded()
        var y = marginTop
        var rows: [Double] = []
        for bar in bars {
            rows.append(y)
            y += barHeight + rowGap + (hasNote(bar) ? noteHeight : 0)
        }
        return Geometry(width: w, height: y - rowGap + marginBottom + 2, barX: labelWidth,
                        barWidth: w - labelWidth - participantsWidth, rowY: rows)
    }

    static func hasNote(_ bar: Charts.Bar) -> Bool {
        !(bar.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The percentage written inside a segment: whole percent, e.g. «40%».
    static func percentLabel(_ share: Double) -> String {
        RuFormat.decimal(share, digits: 0) + "%"
    }

    static func render(title: String, bars: [Charts.Bar], width: Int) -> String {
        guard !bars.isEmpty else { return Charts.emptyFigure(kind: "bars", title: title) }
        let g = geometry(bars: bars, width: width)
        let id = Charts.chartID("bars", key(title: title, bars: bars, width: width))
        var svg = SVGWriter()
        svg.openRoot(id: id, kind: "bars", width: g.width, height: g.height, title: title,
                     desc: description(title: title, bars: bars))

        // Print patterns: white hatching on «2», dots on «3» (see Stylesheet.charts);
        // they keep the marks apart on a black-and-white copy.
        svg.raw("<defs>"
            + "<pattern id=\"\(id)-h2\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern>"
            + "<pattern id=\"\(id)-h3\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
            + "<circle class=\"hatch-dot\" cx=\"3\" cy=\"3\" r=\"0.9\"/></pattern>"
            + "</defs>")

        svg.text(barsTitle, x: g.barX, y: 14, cls: "col-title")
        svg.text(participantsTitle, x: g.width - 4, y: 14, anchor: "end", cls: "col-title")

        for (index, bar) in bars.enumerated() {
            let y = g.rowY[index]
            let mid = y + barHeight / 2 + 4.5
            svg.open("g", [("class", "bar-row")])
            svg.text(bar.label, x: g.barX - 10, y: mid, anchor: "end", cls: "row-label")
            svg.leaf("rect", [("class", "bar-track"), ("x", Charts.n(g.barX)), ("y", Charts.n(y)),
                              ("width", Charts.n(g.barWidth)), ("height", Charts.n(barHeight))])
            let segments = segments(shares: bar.shares, x: g.barX, width: g.barWidth)
            if segments.isEmpty {
                svg.text(Charts.noData, x: g.barX + g.barWidth / 2, y: mid, anchor: "middle", cls: "missing-label")
            }
            for s in segments {
                let box: [(String, String)] = [("x", Charts.n(s.x)), ("y", Charts.n(y)),
                                               ("width", Charts.n(s.width)), ("height", Charts.n(barHeight))]
                svg.leaf("rect", [("class", "seg seg-\(s.mark)")] + box)
                if s.mark == 2 || s.mark == 3 {
                    svg.leaf("rect", [("class", "hatch hatch-\(s.mark)")] + box + [("fill", "url(#\(id)-h\(s.mark))")])
                }
            }
            for s in segments {
                let label = percentLabel(s.share)
                let labelWidth = Charts.textWidth(label, fontSize: 13)
                if s.width >= labelWidth + 8 {
                    if s.mark == 2 || s.mark == 3 {
                        // In print, a plain backing keeps the number readable over the pattern.
                        svg.leaf("rect", [("class", "hatch seg-label-bg seg-\(s.mark)"),
                                          ("x", Charts.n(s.x + (s.width - labelWidth) / 2 - 2)), ("y", Charts.n(y + barHeight / 2 - 8)),
                                          ("width", Charts.n(labelWidth + 4)), ("height", "16"), ("rx", "3")])
                    }
                    svg.text(label, x: s.x + s.width / 2, y: mid, anchor: "middle", cls: "seg-label seg-label-\(s.mark)")
                }
            }
            svg.text(RuFormat.integer(bar.participants), x: g.width - 4, y: mid, anchor: "end", cls: "participants")
            if hasNote(bar), let note = bar.note {
                svg.text(note, x: g.barX, y: y + barHeight + 13, cls: "chart-note")
            }
            svg.close("g")
        }
        svg.close("svg")

        let legend = ["<span class=\"chart-legend-lead\">Отметки:</span>"] + marks.map { mark in
            "<svg class=\"chart-key\" viewBox=\"0 0 16 12\" width=\"16\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect class=\"seg seg-\(mark) key\" x=\"0.5\" y=\"0.5\" width=\"15\" height=\"11\"/>"
                + keyPattern(mark)
                + "</svg>«\(mark)»"
        }
        return Charts.figure(kind: "bars", title: title, svg: svg.out, legend: legend)
    }

    /// The print pattern of a legend swatch drawn explicitly (no pattern ids needed).
    static func keyPattern(_ mark: Int) -> String {
        switch mark {
        case 2:
            return "<g class=\"hatch hatch-2\">"
                + "<line class=\"hatch-line\" x1=\"1\" y1=\"7\" x2=\"6\" y2=\"1\"/>"
                + "<line class=\"hatch-line\" x1=\"3\" y1=\"11\" x2=\"11\" y2=\"1\"/>"
                + "<line class=\"hatch-line\" x1=\"8\" y1=\"11\" x2=\"15\" y2=\"3\"/>"
                + "</g>"
        case 3:
            return "<g class=\"hatch hatch-3\">"
                + [(3.0, 3.0), (8.0, 3.0), (13.0, 3.0), (5.5, 6.0), (10.5, 6.0), (3.0, 9.0), (8.0, 9.0), (13.0, 9.0)]
                    .map { "<circle class=\"hatch-dot\" cx=\"\(Charts.n($0.0))\" cy=\"\(Charts.n($0.1))\" r=\"1\"/>" }.joined()
                + "</g>"
        default:
            return ""
        }
    }

    /// A short Russian summary of the data for `<desc>`.
    static func description(title: String, bars: [Charts.Bar]) -> String {
        var parts = [title + "."]
        for bar in bars {
            let shares = cleanShares(bar.shares)
            var line = bar.label + ": "
            if shares.allSatisfy({ $0 == 0 }) {
                line += Charts.noData
            } else {
                line += marks.indices.map { "«\(marks[$0])» — " + Charts.ru(shares[$0]) + " %" }.joined(separator: ", ")
            }
            line += "; участников — " + RuFormat.integer(bar.participants)
            if hasNote(bar), let note = bar.note { line += " (" + note + ")" }
            parts.append(line + ".")
        }
        return parts.joined(separator: " ")
    }

    static func key(title: String, bars: [Charts.Bar], width: Int) -> String {
        var key = title + "\u{1E}\(width)"
        for bar in bars {
            key += "\u{1E}" + bar.label + "\u{1F}" + bar.shares.map { String($0) }.joined(separator: ",")
                + "\u{1F}\(bar.participants)\u{1F}" + (bar.note ?? "")
        }
        return key
    }
}
