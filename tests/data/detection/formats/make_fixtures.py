# Builds the small format fixtures of agreement_text_test.cpp: DOCX and ODT with the markup the
# extractor must honour (tabs, breaks, spaces, tracked changes, footnotes), a three-page PDF with
# a running header and page numbers, and damaged files. Run: python3 make_fixtures.py
import zipfile, zlib

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def docx(name, body):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr('word/document.xml', f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')

docx('markup.docx',
     '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Article 4 – Échange d’informations</w:t></w:r></w:p>'
     '<w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">The Participants </w:t></w:r>'
     '<w:del w:id="1" w:author="A"><w:r><w:delText>never </w:delText></w:r></w:del>'
     '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">will </w:t></w:r></w:ins>'
     '<w:r><w:t>exchange</w:t></w:r><w:r><w:br/><w:t>information.</w:t></w:r>'
     '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
     '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
     '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
     '<w:sectPr/>')

O = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
     'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
     'xmlns:dc="http://purl.org/dc/elements/1.1/"')
with zipfile.ZipFile('markup.odt', 'w') as z:
    z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text')
    z.writestr('content.xml', f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {O}><office:body><office:text>'
               '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>A</dc:creator></office:change-info>'
               '<text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>'
               '<text:h text:outline-level="1">Article 2 – Définitions</text:h>'
               '<text:p>Au sens du<text:s text:c="3"/>présent mémorandum,<text:tab/>on entend<text:line-break/>par :<text:change text:change-id="c1"/></text:p>'
               '<text:list><text:list-item><text:p>a)   « <text:span>information</text:span> » : toute donnée<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Note text.</text:p></text:note-body></text:note> ;</text:p></text:list-item></text:list>'
               '</office:text></office:body></office:document-content>')

def pdf(name, pages):
    objs = []
    kids = []
    font_id = 3
    objs.append(None)  # 1 catalog
    objs.append(None)  # 2 pages
    objs.append(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
    for lines in pages:
        stream = 'BT /F1 11 Tf 14 TL 72 760 Td ' + ' '.join('(%s) Tj T*' % l.replace('(', '\\(').replace(')', '\\)') for l in lines) + ' ET'
        data = stream.encode('latin-1')
        objs.append(b'<< /Length %d >>\nstream\n' % len(data) + data + b'\nendstream')
        content_id = len(objs)
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>' % (font_id, content_id))
        kids.append(len(objs))
    objs[0] = b'<< /Type /Catalog /Pages 2 0 R >>'
    objs[1] = b'<< /Type /Pages /Kids [' + b' '.join(b'%d 0 R' % k for k in kids) + b'] /Count %d >>' % len(kids)
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    open(name, 'wb').write(bytes(out))

header = 'MOU Customs and Police - Restricted'
pdf('running_header.pdf', [
    [header, 'Article 7 - Costs', 'Each Participant will bear its own costs arising from', 'Page 1 of 3'],
    [header, 'the carrying out of this Memorandum. Either Participant', 'Page 2 of 3'],
    [header, 'may terminate this Memorandum by written notice.', 'Page 3 of 3'],
])
pdf('no_text.pdf', [[], []])
good = open('running_header.pdf', 'rb').read()
open('damaged.pdf', 'wb').write(good[:200])
open('damaged.docx', 'wb').write(b'PK\x03\x04' + bytes(range(256)) * 4)
with zipfile.ZipFile('no_document.docx', 'w') as z:
    z.writestr('word/styles.xml', '<styles/>')
docx('malformed.docx', '<w:p><w:r><w:t>unclosed</w:r></w:p>')

# A zip bomb's directory without the bomb: word/document.xml declares 300 MiB uncompressed.
docx('zip_bomb.docx', '<w:p><w:r><w:t>small</w:t></w:r></w:p>')
data = bytearray(open('zip_bomb.docx', 'rb').read())
entry = data.rfind(b'PK\x01\x02')  # the last directory entry: word/document.xml
data[entry + 24:entry + 28] = (300 << 20).to_bytes(4, 'little')
open('zip_bomb.docx', 'wb').write(bytes(data))

# One bit flipped in a stored word/document.xml: its CRC no longer matches.
with zipfile.ZipFile('bad_crc.docx', 'w') as z:
    z.writestr('word/document.xml', f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body><w:p><w:r><w:t>Article 1</w:t></w:r></w:p></w:body></w:document>')
data = bytearray(open('bad_crc.docx', 'rb').read())
data[data.find(b'Article 1')] ^= 0x20
open('bad_crc.docx', 'wb').write(bytes(data))
open('binary.txt', 'wb').write(b'\x00\x01\x02binary\x00')
open('latin1.txt', 'wb').write('Article 5 \x96 \xc9change d\x92informations entre les services.\n'.encode('latin-1'))
open('utf16.txt', 'wb').write('\ufeffLe présent mémorandum a pour objet la coopération.\n'.encode('utf-16-le'))
