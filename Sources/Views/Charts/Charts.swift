import Foundation
import Domain
import Plot

/// Server-rendered SVG charts: pure values in, deterministic markup out.
///
/// Every chart is a `<figure class="chart">` holding a caption, a scalable
/// `<svg viewBox=… width="100%" role="img">` with `<title>` and a Russian
/// `<desc>` summary of the data, and an HTML legend. There are no inline styles
/// and no scripts (the CSP allows only 'self'): colours, dashes and print
/// patterns come from classes defined in `Stylesheet.charts`. Numbers are in
/// Russian format; colour is never the only signal (values are written, lines
/// differ by dash and marker shape, mark segments by order, label and pattern).
public enum Charts {
    /// One line of a line chart.
    public struct Series: Sendable {
        /// How a line looks: the school is solid blue with circles, the reference
        /// grey dashed with squares, other lines dotted with diamonds.
        public enum Style: String, Sendable {
            case school, reference, other
        }

        public var name: String
        /// Year and value; a `nil` value (or a year absent from the list) is a gap.
        public var points: [(x: Int, y: Double?)]
        public var style: Style

        public init(name: String, points: [(x: Int, y: Double?)], style: Style) {
            self.name = name
            self.points = points
            self.style = style
        }
    }

    /// One bar of a stacked mark-distribution chart.
    public struct Bar: Sendable {
        /// The row label, usually a year ("2024").
        public var label: String
        /// Percent of marks «2», «3», «4», «5», in that order.
        public var shares: [Double]
        public var participants: Int
        /// A remark shown under the bar, e.g. «мало участников».
        public var note: String?

        public init(label: String, shares: [Double], participants: Int, note: String? = nil) {
            self.label = label
            self.shares = shares
            self.participants = participants
            self.note = note
        }
    }

    /// Lines of a school's ЕГЭ average against the reference over all imported
    /// years. Axes and values labelled in Russian (decimal comma), a legend,
    /// missing years as gaps with a «нет данных» mark, the y-axis from a nice
    /// rounded minimum, the title in `<title>` and `aria-label`.
    public static func lines(
        title: String, yLabel: String, series: [Series], width: Int = 640, height: Int = 280
    ) -> Node<HTML.BodyContext> {
        .raw(LineChart.render(title: title, yLabel: yLabel, series: series, width: width, height: height))
    }

    /// 100% stacked horizontal bars of ВПР mark distributions, one bar per year:
    /// segments «2»…«5» with their percentages inside when wide enough, a legend,
    /// the number of participants right of each bar.
    public static func stackedBars(title: String, bars: [Bar], width: Int = 640) -> Node<HTML.BodyContext> {
        .raw(StackedBarChart.render(title: title, bars: bars, width: width))
    }

    /// A small column chart of counts per year (e.g. schools with a status), each
    /// column labelled with its value.
    public static func columns(
        title: String, items: [(label: String, value: Int)], width: Int = 480, height: Int = 220
    ) -> Node<HTML.BodyContext> {
        .raw(ColumnChart.render(title: title, items: items, width: width, height: height))
    }
}

// MARK: - Shared helpers

extension Charts {
    /// Text shown where a value is missing.
    static let noData = "нет данных"
    /// Shown instead of a chart when there is nothing to draw.
    static let emptyMessage = "Нет данных для графика"

    /// A coordinate for SVG: rounded to 0.1, dot as decimal separator, no "-0".
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }

    /// A value for people: Russian format, decimal comma; non-finite → «нет данных».
    static func ru(_ value: Double, digits: Int = 1) -> String {
        value.isFinite ? RuFormat.decimal(value, digits: digits) : noData
    }

    /// A stable id for one chart (FNV-1a of its inputs), so that pattern and
    /// description ids differ between charts on a page yet the same input
    /// always renders the same bytes (Swift's `Hasher` is seeded per process).
    static func chartID(_ kind: String, _ key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (kind + "\u{1F}" + key).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "chart-" + kind + "-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// Rough width of a label in user units (system font, semibold digits at the
    /// largest size the stylesheet uses), for layout decisions only.
    static func textWidth(_ text: String, fontSize: Double = 14) -> Double {
        var units = 0.0
        for ch in text {
            switch ch {
            case " ", "\u{2009}", "\u{00A0}", ",", ".", ":", ";", "(", ")", "«", "»": units += 0.32
            case "%", "№", "Ш", "Щ", "Ж", "Ю", "М", "W", "M", "ш", "щ", "ж", "ю", "м": units += 0.85
            default: units += ch.isUppercase ? 0.68 : 0.58
            }
        }
        return units * fontSize
    }

    /// The figure around a chart: caption, the SVG in a scroll frame, the legend.
    static func figure(kind: String, title: String, svg: String, legend: [String]) -> String {
        var out = "<figure class=\"chart chart-\(kind)\">"
        out += "<figcaption class=\"chart-title\">" + Markup.escape(title) + "</figcaption>"
        out += "<div class=\"chart-frame\">" + svg + "</div>"
        if !legend.isEmpty {
            out += "<ul class=\"chart-legend\">"
            for item in legend { out += "<li>" + item + "</li>" }
            out += "</ul>"
        }
        out += "</figure>"
        return out
    }

    /// The figure shown when there is nothing to draw.
    static func emptyFigure(kind: String, title: String) -> String {
        "<figure class=\"chart chart-\(kind) chart-is-empty\">"
            + "<figcaption class=\"chart-title\">" + Markup.escape(title) + "</figcaption>"
            + "<p class=\"chart-empty\">" + Markup.escape(emptyMessage) + "</p></figure>"
    }
}

/// A tiny SVG writer: attribute values and text are always escaped.
struct SVGWriter {
    private(set) var out = ""

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        out += "<" + name + Self.attrs(attributes) + ">"
    }

    mutating func close(_ name: String) {
        out += "</" + name + ">"
    }

    mutating func leaf(_ name: String, _ attributes: [(String, String)]) {
        out += "<" + name + Self.attrs(attributes) + "/>"
    }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        out += "<" + name + Self.attrs(attributes) + ">" + Markup.escape(text) + "</" + name + ">"
    }

    /// A `<text>` at (x, y) with an anchor ("start", "middle", "end").
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", cls: String) {
        var attributes: [(String, String)] = [("x", Charts.n(x)), ("y", Charts.n(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        attributes.append(("class", cls))
        element("text", attributes, text: content)
    }

    mutating func raw(_ markup: String) {
        out += markup
    }

    static func attrs(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + Markup.escape($0.1) + "\"" }.joined()
    }

    /// Opens the root `<svg>` with viewBox, 100% width, role, label and the
    /// `<title>`/`<desc>` pair; close it with `close("svg")`.
    mutating func openRoot(id: String, kind: String, width: Double, height: Double, title: String, desc: String) {
        open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "chart-svg chart-svg-" + kind),
            ("viewBox", "0 0 " + Charts.n(width) + " " + Charts.n(height)),
            ("width", "100%"),
            ("preserveAspectRatio", "xMinYMin meet"),
            ("role", "img"),
            ("aria-label", title),
            ("aria-describedby", id + "-desc"),
        ])
        element("title", text: title)
        element("desc", [("id", id + "-desc")], text: desc)
    }
}

/// A "nice" value axis: round bounds and a 1/2/5×10ⁿ step (Heckbert).
struct NiceAxis: Equatable, Sendable {
    var min: Double
    var max: Double
    var step: Double

    /// - Parameters:
    ///   - dataMin/dataMax: the values to show.
    ///   - targetTicks: about how many ticks.
    ///   - zeroBased: start at 0 (counts), otherwise from a rounded minimum with
    ///     some room below the lowest value for its label.
    init(dataMin: Double, dataMax: Double, targetTicks: Int = 5, zeroBased: Bool = false) {
        var lo = Swift.min(dataMin, dataMax)
        var hi = Swift.max(dataMin, dataMax)
        if zeroBased { lo = Swift.min(0, lo) }
        // A tiny difference should not fill the whole height: the span is at least
        // a tenth of the magnitude (62,0 vs 60,0 → an axis of about 56…66).
        let minSpan = Swift.max(abs(hi), abs(lo)) * 0.1
        if hi - lo < 1e-9 && minSpan < 1e-9 {
            hi += 1
            if !zeroBased { lo -= 1 }
        } else if hi - lo < minSpan {
            if zeroBased { hi = lo + minSpan } else {
                let pad = (minSpan - (hi - lo)) / 2
                lo -= pad
                hi += pad
            }
        }
        let range = NiceAxis.nice(hi - lo, round: false)
        let step = NiceAxis.nice(range / Double(Swift.max(targetTicks - 1, 1)), round: true)
        var niceMin = (lo / step).rounded(.down) * step
        let niceMax = (hi / step).rounded(.up) * step
        if !zeroBased {
            // Room under the lowest point for its value label; never below 0 for
            // non-negative data (scores, percentages).
            if lo - niceMin < step * 0.35 { niceMin -= step }
            if dataMin >= 0 && niceMin < 0 { niceMin = 0 }
        }
        self.min = NiceAxis.clean(niceMin, step)
        self.max = NiceAxis.clean(niceMax, step)
        self.step = step
    }

    init(min: Double, max: Double, step: Double) {
        self.min = min
        self.max = max
        self.step = step
    }

    var ticks: [Double] {
        let count = Int(((max - min) / step).rounded())
        return (0...Swift.max(count, 0)).map { NiceAxis.clean(min + Double($0) * step, step) }
    }

    /// Decimals needed to print the ticks: 0 for 10, 5, 1; 1 for 0.5; 2 for 0.25…
    var digits: Int {
        if step >= 1 && step == step.rounded() { return 0 }
        if (step * 10 - (step * 10).rounded()).magnitude < 1e-9 { return 1 }
        return 2
    }

    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = (log10(x)).rounded(.down)
        let base = pow(10, exponent)
        let fraction = x / base
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * base
    }

    /// Removes floating-point dust (40.000000001 → 40) by snapping to the step grid.
    static func clean(_ value: Double, _ step: Double) -> Double {
        let snapped = (value / step).rounded() * step
        let result = (snapped * 1e6).rounded() / 1e6
        return result == 0 ? 0 : result
    }
}

/// A linear map from a data interval to a pixel interval (which may be reversed).
struct LinearScale: Sendable {
    var domain: (Double, Double)
    var range: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return (range.0 + range.1) / 2 }
        return range.0 + (value - domain.0) / span * (range.1 - range.0)
    }
}
