/// The fixed parts of a one-sheet .xlsx package.
enum XLSXParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let contentTypes = header
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        + "</Types>"

    static let rootRels = header
        + #"<Relationships xmlns="\#(pkgRelNS)">"#
        + #"<Relationship Id="rId1" Type="\#(relNS)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetName: String) -> String {
        header
            + #"<workbook xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
            + #"<sheets><sheet name="\#(XLSXWriter.escape(sheetName))" sheetId="1" r:id="rId1"/></sheets>"#
            + "</workbook>"
    }

    static let workbookRels = header
        + #"<Relationships xmlns="\#(pkgRelNS)">"#
        + #"<Relationship Id="rId1" Type="\#(relNS)/worksheet" Target="worksheets/sheet1.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(relNS)/styles" Target="styles.xml"/>"#
        + "</Relationships>"
}
