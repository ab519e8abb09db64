import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small SAX handlers for the parts of an .xlsx package. Element and attribute
/// names are compared without their namespace prefix.
func localName(_ name: String) -> Substring {
    if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
    return name[...]
}

func attribute(_ attrs: [String: String], _ name: String) -> String? {
    if let v = attrs[name] { return v }
    return attrs.first { localName($0.key) == name }?.value
}

/// A handler that can stop the parser with its own message (a cell beyond the sheet…).
protocol FailingHandler: AnyObject {
    var failure: ImportFailure? { get }
}

/// Runs `delegate` over `data`; a part with a DTD is refused unparsed, a malformed
/// part is reported as a damaged file, a handler's own failure as it is.
func parseXML(_ data: Data, part: String, with delegate: XMLParserDelegate) throws(ImportFailure) {
    if let problem = XMLGuard.problem(data) {
        throw ImportFailure(file: "Файл повреждён или не является таблицей Excel: его часть \(part) не похожа на часть файла Excel (\(problem)). Откройте таблицу в Excel, сохраните как .xlsx и загрузите снова.")
    }
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    let parsed = parser.parse()
    if let failure = (delegate as? FailingHandler)?.failure { throw failure }
    guard parsed else {
        throw ImportFailure(file: "Файл Excel повреждён: не удаётся прочитать его часть \(part). Откройте файл в Excel, сохраните заново как .xlsx и загрузите снова.")
    }
}

/// Collects `<sheet>` entries and the date system of xl/workbook.xml.
final class WorkbookHandler: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationID: String, hidden: Bool)] = []
    var date1904 = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch localName(elementName) {
        case "sheet":
            let state = attribute(attributeDict, "state") ?? "visible"
            sheets.append((attribute(attributeDict, "name") ?? "", attribute(attributeDict, "id") ?? "", state != "visible"))
        case "workbookPr":
            let v = attribute(attributeDict, "date1904")?.lowercased()
            date1904 = v == "1" || v == "true"
        default: break
        }
    }
}

/// Collects `<Relationship>` entries of a .rels part.
final class RelationshipsHandler: NSObject, XMLParserDelegate {
    var targets: [String: (target: String, type: String)] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard localName(elementName) == "Relationship", let id = attribute(attributeDict, "Id"),
              let target = attribute(attributeDict, "Target") else { return }
        targets[id] = (target, attribute(attributeDict, "Type") ?? "")
    }
}

/// Collects xl/sharedStrings.xml: plain `<si><t>` and rich text runs
/// `<si><r><t>`; phonetic hints (`<rPh>`) are skipped.
final class SharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch localName(elementName) {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch localName(elementName) {
        case "si": strings.append(current)
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// Collects number formats of xl/styles.xml: the format id of every cell style
/// (`cellXfs/xf`) and the codes of custom formats.
final class StylesHandler: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var cellFormatIDs: [Int] = []
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch localName(elementName) {
        case "numFmt":
            if let id = attribute(attributeDict, "numFmtId").flatMap({ Int($0) }) {
                customFormats[id] = attribute(attributeDict, "formatCode") ?? ""
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            cellFormatIDs.append(attribute(attributeDict, "numFmtId").flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if localName(elementName) == "cellXfs" { inCellXfs = false }
    }
}
