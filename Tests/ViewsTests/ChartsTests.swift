import Domain
import Foundation
import Plot
import Testing
@testable import Views

/// Attribute values of every element `<name … class="cls" …>` in `svg`, in document order.
private func elements(_ name: String, class cls: String, in svg: String) -> [[String: String]] {
    var result: [[String: String]] = []
    var rest = svg[...]
    while let open = rest.range(of: "<" + name + " ") {
        guard let end = rest[open.upperBound...].firstIndex(of: ">") else { break }
        let tag = rest[open.upperBound..<end]
        rest = rest[end...]
        var attrs: [String: String] = [:]
        var scan = tag[...]
        while let eq = scan.range(of: "=\"") {
            let attrName = scan[..<eq.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            guard let close = scan[eq.upperBound...].firstIndex(of: "\"") else { break }
            attrs[attrName] = String(scan[eq.upperBound..<close])
            scan = scan[scan.index(after: close)...]
        }
        if attrs["class"] == cls { result.append(attrs) }
    }
    return result
}

private func number(_ attrs: [String: String], _ key: String) -> Double {
    Double(attrs[key] ?? "") ?? .nan
}

private func occurrences(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

@Suite struct ChartsTests {
    static let school = Charts.Series(name: "СОШ № 1", points: [(2021, 61.4), (2022, nil), (2023, 66.2), (2024, 70.0)], style: .school)
    static let city = Charts.Series(name: "Город", points: [(2021, 58.0), (2022, 59.3), (2023, 60.1), (2024, 62.5)], style: .reference)

    // MARK: Scales

    @Test func niceAxisStartsFromARoundedMinimumWithRoomBelow() {
        #expect(NiceAxis(dataMin: 55.1, dataMax: 68.4) == NiceAxis(min: 50, max: 70, step: 5))
        #expect(NiceAxis(dataMin: 43.2, dataMax: 71.8) == NiceAxis(min: 30, max: 80, step: 10))
        #expect(NiceAxis(dataMin: 47.0, dataMax: 71.8) == NiceAxis(min: 40, max: 80, step: 10))
        #expect(NiceAxis(dataMin: 0.5, dataMax: 3.2).min == 0)
        #expect(NiceAxis(dataMin: 60, dataMax: 60).min < 60)
        #expect(NiceAxis(dataMin: 50, dataMax: 70).ticks == [45, 50, 55, 60, 65, 70])
        #expect(NiceAxis(dataMin: 0.2, dataMax: 1.9).digits == 1)
        #expect(NiceAxis(dataMin: 55.1, dataMax: 68.4).digits == 0)
    }

    @Test func linearScaleMapsKnownPoints() {
        let y = LinearScale(domain: (40, 80), range: (250, 34))
        #expect(y(40) == 250)
        #expect(y(80) == 34)
        #expect(y(60) == 142)
        #expect(abs(y(47) - 212.2) < 1e-9)
    }

    // MARK: Lines

    @Test func coordinatesMapForKnownMinAndMax() throws {
        // Values 47…71,8 → axis 40…80 (step 10); at 640×280 with a «нет данных» row
        // the plot spans y 36…232 (280 − 30 − 18).
        let series = [Charts.Series(name: "Школа", points: [(2021, 47.0), (2022, nil), (2023, 71.8)], style: .school)]
        let g = try #require(LineChart.geometry(series: series, width: 640, height: 280))
        #expect(g.axis == NiceAxis(min: 40, max: 80, step: 10))
        #expect(g.plotTop == 36)
        #expect(g.plotBottom == 232)
        #expect(g.y(40) == 232 && g.y(80) == 36)
        #expect(abs(g.y(60) - 134) < 1e-9)
        #expect(g.plotRight == 622)
        #expect(g.x(2021) == g.plotLeft + LineChart.inset)
        #expect(g.x(2023) == 622 - LineChart.inset)
        #expect(abs(g.x(2022) - (g.x(2021) + g.x(2023)) / 2) < 1e-9)

        let html = Charts.lines(title: "Средний балл", yLabel: "Балл", series: series).render()
        let markers = elements("circle", class: "mk mk-school", in: html)
        #expect(markers.count == 2)
        #expect(number(markers[0], "cx") == g.x(2021))
        #expect(number(markers[0], "cy") == 197.7)   // 232 − 7/40 · 196
        #expect(number(markers[1], "cx") == 596)
        #expect(number(markers[1], "cy") == 76.2)    // 232 − 31,8/40 · 196
        // Grid lines at the round values, labelled in Russian.
        let bottom = elements("line", class: "axis", in: html)
        #expect(bottom.count == 1 && number(bottom[0], "y1") == 232)
        #expect(elements("line", class: "grid", in: html).map { number($0, "y1") } == [183, 134, 85, 36])
        #expect(html.contains(">40</text>") && html.contains(">80</text>"))
    }

    @Test func threeYearLineChartHasThreeSchoolMarkersAndAGap() {
        let html = Charts.lines(title: "ЕГЭ, русский язык", yLabel: "Средний балл", series: [Self.school, Self.city]).render()
        // 2021, 2023, 2024 have values; 2022 is a gap.
        #expect(occurrences(#"class="mk mk-school""#, in: html) == 3)
        #expect(occurrences(#"class="mk mk-reference""#, in: html) == 4)
        // The school line is broken: 2021 stands alone (marker only), 2023–2024 is one path.
        let schoolPaths = elements("path", class: "ln ln-school", in: html)
        #expect(schoolPaths.count == 1)
        #expect(schoolPaths.first?["d"]?.filter { $0 == "L" }.count == 1)
        #expect(elements("path", class: "ln ln-reference", in: html).first?["d"]?.filter { $0 == "L" }.count == 3)
        // The gap is marked under its year, in words and with a hollow school marker.
        #expect(occurrences(#"class="gap-guide""#, in: html) == 1)
        #expect(elements("circle", class: "mk-missing mk-missing-school", in: html).count == 1)
        #expect(html.contains(#"class="missing-label">нет данных</text>"#))
        // Values and summary in Russian format.
        #expect(html.contains(">61,4</text>"))
        #expect(html.contains(">70,0</text>"))
        #expect(html.contains("СОШ № 1: 2021 — 61,4; 2022 — нет данных; 2023 — 66,2; 2024 — 70,0."))
        #expect(html.contains("Город: 2021 — 58,0; 2022 — 59,3"))
        // Legend names both lines.
        #expect(html.contains("</svg>СОШ № 1</li>"))
        #expect(html.contains("</svg>Город</li>"))
    }

    @Test func fullSeriesDrawsOnePathWithoutGapMarks() {
        let s = Charts.Series(name: "Школа", points: [(2022, 60), (2023, 62.5), (2024, 64)], style: .school)
        let html = Charts.lines(title: "T", yLabel: "Балл", series: [s]).render()
        #expect(occurrences(#"class="mk mk-school""#, in: html) == 3)
        #expect(elements("path", class: "ln ln-school", in: html).first?["d"]?.filter { $0 == "L" }.count == 2)
        #expect(!html.contains("gap-guide"))
        #expect(!html.contains("нет данных"))
    }

    @Test func yearsMissingEverywhereStillShowAsGaps() {
        let s = Charts.Series(name: "Школа", points: [(2019, 60), (2021, 62)], style: .school)
        #expect(LineChart.years([s]) == [2019, 2020, 2021])
        let html = Charts.lines(title: "T", yLabel: "Балл", series: [s]).render()
        #expect(html.contains(">2020</text>"))
        #expect(!html.contains(#"class="ln ln-school""#))   // no two consecutive values
    }

    @Test func svgIsAccessibleAndScalable() {
        let html = Charts.lines(title: "ЕГЭ, математика", yLabel: "Средний балл", series: [Self.school, Self.city]).render()
        #expect(html.contains(#"role="img""#))
        #expect(html.contains(#"aria-label="ЕГЭ, математика""#))
        #expect(html.contains("<title>ЕГЭ, математика</title>"))
        #expect(html.contains("<desc id=\"chart-lines-"))
        #expect(html.contains(#"viewBox="0 0 640 280""#))
        #expect(html.contains(#"width="100%""#))
        #expect(html.contains("<figcaption class=\"chart-title\">ЕГЭ, математика</figcaption>"))
    }

    @Test func noValuesGivesAnEmptyState() {
        let s = Charts.Series(name: "Школа", points: [(2023, nil), (2024, .nan)], style: .school)
        let html = Charts.lines(title: "T", yLabel: "Балл", series: [s]).render()
        #expect(!html.contains("<svg"))
        #expect(html.contains("Нет данных для графика"))
        #expect(Charts.stackedBars(title: "T", bars: []).render().contains("Нет данных для графика"))
        #expect(Charts.columns(title: "T", items: []).render().contains("Нет данных для графика"))
    }

    // MARK: Stacked bars

    @Test func stackedSegmentsAreProportionalToShares() throws {
        let bars = [Charts.Bar(label: "2024", shares: [10, 40, 30, 20], participants: 120),
                    Charts.Bar(label: "2023", shares: [5, 35, 40, 20], participants: 7, note: "мало участников")]
        let html = Charts.stackedBars(title: "ВПР, математика, 5 класс", bars: bars).render()
        let tracks = elements("rect", class: "bar-track", in: html)
        #expect(tracks.count == 2)
        let barX = number(tracks[0], "x"), barWidth = number(tracks[0], "width")
        #expect(barWidth > 300)
        let widths = [2, 3, 4, 5].map { mark in elements("rect", class: "seg seg-\(mark)", in: html).map { number($0, "width") } }
        for (i, share) in [10.0, 40, 30, 20].enumerated() {
            #expect(abs(widths[i][0] - barWidth * share / 100) <= 0.05)
        }
        // Segments are laid end to end from the bar start, in the order 2, 3, 4, 5.
        let xs = [2, 3, 4, 5].map { number(elements("rect", class: "seg seg-\($0)", in: html)[0], "x") }
        #expect(xs[0] == barX)
        #expect(abs(xs[1] - (barX + barWidth * 0.1)) <= 0.05)
        #expect(abs(xs[3] - (barX + barWidth * 0.8)) <= 0.05)
        // Percentages written inside, participants at the right, the note under the bar.
        #expect(html.contains(#"class="seg-label seg-label-3">40%</text>"#))
        #expect(html.contains(#"class="participants">120</text>"#))
        #expect(html.contains(#"class="chart-note">мало участников</text>"#))
        #expect(html.contains("2024: «2» — 10,0 %, «3» — 40,0 %, «4» — 30,0 %, «5» — 20,0 %; участников — 120."))
        #expect(html.contains("участников — 7 (мало участников)."))
        // Legend «2»…«5».
        for mark in 2...5 { #expect(html.contains("</svg>«\(mark)»</li>")) }
        // Print patterns for «2» and «3» reference this chart's own ids.
        let hatch = try #require(elements("rect", class: "hatch hatch-2", in: html).first)
        let id = try #require(hatch["fill"])
        #expect(id.hasPrefix("url(#chart-bars-") && id.hasSuffix("-h2)"))
    }

    @Test func segmentGeometryNormalisesAndSkipsEmptyMarks() {
        let s = StackedBarChart.segments(shares: [0, 50, 25, 25], x: 100, width: 400)
        #expect(s.map(\.mark) == [3, 4, 5])
        #expect(s.map(\.x) == [100, 300, 400])
        #expect(s.map(\.width) == [200, 100, 100])
        // Shares summing to 99,9 still fill the bar.
        let t = StackedBarChart.segments(shares: [10, 39.9, 30, 20], x: 0, width: 999)
        #expect(abs(t.map(\.width).reduce(0, +) - 999) < 1e-9)
        #expect(StackedBarChart.segments(shares: [], x: 0, width: 100).isEmpty)
        #expect(StackedBarChart.segments(shares: [.nan, -5, 0, 0], x: 0, width: 100).isEmpty)
    }

    @Test func narrowSegmentsHaveNoLabelInside() {
        let html = Charts.stackedBars(title: "T", bars: [Charts.Bar(label: "2024", shares: [1, 60, 30, 9], participants: 1234)]).render()
        #expect(!html.contains(">1%</text>"))
        #expect(html.contains(">60%</text>"))
        #expect(html.contains(">1\u{2009}234</text>"))
        #expect(html.contains("«2» — 1,0 %"))   // still in the summary
    }

    // MARK: Columns

    @Test func columnsScaleToTheLargestValue() {
        let items: [(label: String, value: Int)] = [("2023", 4), ("2024", 8), ("2025", 0)]
        let html = Charts.columns(title: "Школы ШНОР по годам", items: items).render()
        let cols = elements("rect", class: "col", in: html)
        #expect(cols.count == 2)                       // a zero has no column, only its label
        #expect(number(cols[1], "height") == 168)       // 220 − 28 − 24
        #expect(number(cols[0], "height") == 84)
        #expect(number(cols[1], "y") == 24)
        #expect(html.contains(#"class="val val-column">0</text>"#))
        #expect(html.contains("Школы ШНОР по годам. 2023 — 4; 2024 — 8; 2025 — 0."))
        #expect(html.contains(#"viewBox="0 0 480 220""#))
    }

    // MARK: Safety and determinism

    @Test func labelsAreEscapedEverywhere() {
        let evil = #"Школа <№1> & "Лицей" 'x'"#
        let lines = Charts.lines(title: evil, yLabel: evil,
                                 series: [Charts.Series(name: evil, points: [(2023, 1), (2024, 2)], style: .school)]).render()
        let bars = Charts.stackedBars(title: evil, bars: [Charts.Bar(label: evil, shares: [25, 25, 25, 25], participants: 3, note: evil)]).render()
        let cols = Charts.columns(title: evil, items: [(evil, 3)]).render()
        let escaped = "Школа &lt;№1&gt; &amp; &quot;Лицей&quot; &#39;x&#39;"
        for html in [lines, bars, cols] {
            #expect(!html.contains("<№1>"))
            #expect(!html.contains(#""Лицей""#))
            #expect(html.contains(#"aria-label="\#(escaped)""#))
            #expect(html.contains("<title>" + escaped + "</title>"))
        }
        #expect(lines.contains("</svg>" + escaped + "</li>"))
        #expect(bars.contains(#"class="row-label">\#(escaped)</text>"#))
        #expect(bars.contains(#"class="chart-note">\#(escaped)</text>"#))
    }

    @Test func noInlineStylesNoScriptsAndDeterministic() {
        let render = {
            [Charts.lines(title: "ЕГЭ", yLabel: "Средний балл", series: [Self.school, Self.city,
                Charts.Series(name: "Край", points: [(2021, 57), (2024, 61)], style: .other)]).render(),
             Charts.stackedBars(title: "ВПР", bars: [Charts.Bar(label: "2024", shares: [10, 40, 30, 20], participants: 50, note: "мало участников")]).render(),
             Charts.columns(title: "ШНОР", items: [("2024", 5), ("2025", 7)]).render()]
        }
        let first = render()
        for html in first {
            #expect(!html.contains("style="))
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("nan") && !html.contains("inf"))
        }
        #expect(render() == first)
        // Different data → different ids, so patterns of two charts on a page do not clash.
        let other = Charts.stackedBars(title: "ВПР", bars: [Charts.Bar(label: "2023", shares: [10, 40, 30, 20], participants: 50)]).render()
        #expect(Charts.chartID("bars", "a") != Charts.chartID("bars", "b"))
        #expect(other.components(separatedBy: "-desc")[0] != first[1].components(separatedBy: "-desc")[0])
    }

    @Test func stylesheetDefinesTheChartClasses() {
        let css = Stylesheet.css
        for cls in [".ln-school", ".ln-reference", ".mk-school", ".mk-reference", ".seg-2", ".seg-3", ".seg-4", ".seg-5", ".hatch", ".col", ".chart-legend"] {
            #expect(css.contains(cls + " {") || css.contains(cls + ","), "missing \(cls)")
        }
        #expect(css.contains("stroke-dasharray"))
        #expect(css.contains("@media print"))
    }
}
