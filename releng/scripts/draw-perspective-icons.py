#!/usr/bin/env python3
"""Draws the 16x16 PNG icons of the three perspectives (pixel maps below) without any imaging library.

usage: draw-perspective-icons.py OUT_DIR   (writes methodologist.png, reports.png, school.png; copied to
       bundles/oko.ui/icons/perspective-*.png and bundles/oko.school.ui/icons/perspective-school.png)
"""
import zlib, struct, sys
def png(path, rows, palette):
    h=len(rows); w=len(rows[0])
    raw=b''
    for r in rows:
        assert len(r)==w,(path,r)
        raw+=b'\0'+b''.join(bytes(palette[c]) for c in r)
    def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
    data=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',w,h,8,6,0,0,0))+chunk(b'IDAT',zlib.compress(raw,9))+chunk(b'IEND',b'')
    open(path,'wb').write(data)
T=(0,0,0,0)
# methodologist: a model tree — a root box linked to two child boxes (blue)
meth=[
"................",
".....bbbbbb.....",
".....bLLLLb.....",
".....bLLLLb.....",
".....bbbbbb.....",
"........d.......",
"........d.......",
"...dddddddddd...",
"...d........d...",
"...d........d...",
".gggggg..oooooo.",
".gHHHHg..oPPPPo.",
".gHHHHg..oPPPPo.",
".gggggg..oooooo.",
"................",
"................"]
pm={'.':T,'b':(26,73,140,255),'L':(110,160,225,255),'d':(60,60,70,255),'g':(30,110,60,255),'H':(120,200,140,255),'o':(170,90,20,255),'P':(245,185,100,255)}
# reports: a page with a bar chart
rep=[
"..kkkkkkkkkk....",
"..kWWWWWWWWkk...",
"..kWWWWWWWWkWk..",
"..kWggWWWWWkkkk.",
"..kWggWWWWWWWWk.",
"..kWggWWrrWWWWk.",
"..kWggWWrrWWWWk.",
"..kWggWWrrWbbWk.",
"..kWggWWrrWbbWk.",
"..kWggWWrrWbbWk.",
"..kWggWWrrWbbWk.",
"..kWllllllllllk.",
"..kWWWWWWWWWWWk.",
"..kWssssssWWWWk.",
"..kWWWWWWWWWWWk.",
"..kkkkkkkkkkkkk."]
rm={'.':T,'k':(70,70,80,255),'W':(255,255,255,255),'g':(40,140,70,255),'r':(220,120,20,255),'b':(40,90,170,255),'l':(90,90,100,255),'s':(160,160,170,255)}
# school: a building with a pediment, columns and a flag
sch=[
".......f........",
".......fRRR.....",
".......fRRR.....",
".......f........",
"......rfr.......",
".....rrrrr......",
"...rrrrrrrrr....",
".rrrrrrrrrrrrr..",
".cccccccccccccc.",
".cwwcwwcwwcwwcc.",
".cwwcwwcwwcwwcc.",
".cccccccccccccc.",
".cwwcwwcddcwwcc.",
".cwwcwwcddcwwcc.",
"nnnnnnnnnnnnnnnn",
"................"]
sm={'.':T,'f':(80,80,80,255),'R':(200,30,40,255),'r':(180,60,40,255),'c':(225,205,160,255),'w':(90,150,210,255),'d':(120,70,30,255),'n':(110,110,110,255)}
out=sys.argv[1]
png(out+'/methodologist.png',meth,pm); png(out+'/reports.png',rep,rm); png(out+'/school.png',sch,sm)
