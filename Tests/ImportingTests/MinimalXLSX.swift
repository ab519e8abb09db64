/// Parts of a hand-written workbook in the shapes real files use: prefixed
/// namespaces, a sheet order differing from file names, rich text, phonetic runs.
enum MinimalXLSX {
    static let workbook = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
    <x:sheets><x:sheet name="Данные" sheetId="2" r:id="rId7"/><x:sheet name="Второй" sheetId="1" r:id="rId1"/></x:sheets>
    </x:workbook>
    """#
    static let rels = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
    <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
    <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
    </Relationships>
    """#
    static let shared = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
    <si><t>Код школы</t></si>
    <si><r><rPr><b/></rPr><t>Название</t></r><r><t xml:space="preserve"> школы</t></r><rPh sb="0" eb="1"><t>фонетика</t></rPh></si>
    <si><t>edu233006</t></si>
    <si><t>второй лист</t></si>
    </sst>
    """#
    static let styles = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <numFmts count="1"><numFmt numFmtId="164" formatCode="[$-419]dd\.mm\.yyyy;@"/></numFmts>
    <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
    <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="4"/></cellXfs>
    </styleSheet>
    """#
    static let sheet = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
    <row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3"><v>12.0</v></c><c r="D3"><v>0.1</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="str"><f>A1</f><v>формула</v></c></row>
    <row r="4"><c r="A4" t="inlineStr"><is><r><t>inline </t></r><r><rPr><b/></rPr><t>жирный</t></r></is></c><c r="B4" s="1"><v>45356</v></c><c r="C4" s="2"><v>0.125</v></c><c r="D4" s="3"><v>1234.5678</v></c><c r="E4" t="e"><v>#N/A</v></c></row>
    <row r="6"><c r="A6" t="s"/></row>
    </sheetData></worksheet>
    """#
    static let otherSheet = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="s"><v>3</v></c></row></sheetData></worksheet>
    """#
}
