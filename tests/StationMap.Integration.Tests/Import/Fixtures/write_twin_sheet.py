"""Writes the .xlsx twin of a station CSV as a union office's spreadsheet looks, with openpyxl (an independent writer):
a title row merged across the sheet, a two-row header (upper cells merged down, a group title over the coordinates),
coordinates stored as numbers on even rows and as text on odd ones, a district merged down over equal neighbours,
blank trailing rows (formatted-empty and whitespace-only), and a second sheet.

usage: write_twin_sheet.py IN.csv OUT.xlsx"""
import csv
import sys

from openpyxl import Workbook

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
lon, lat, district = header.index("经度"), header.index("纬度"), header.index("所属区")

book = Workbook()
sheet = book.active
sheet.title = "驿站名录"
width = len(header)
sheet.cell(row=1, column=1, value="北京市户外劳动者服务站点名录（测试）")
sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
for c, name in enumerate(header, start=1):
    if c - 1 in (lon, lat):
        continue
    sheet.cell(row=2, column=c, value=name)
    sheet.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
first, last = min(lon, lat) + 1, max(lon, lat) + 1
sheet.cell(row=2, column=first, value="坐标（GCJ-02）")
sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=last)
sheet.cell(row=3, column=lon + 1, value="经度")
sheet.cell(row=3, column=lat + 1, value="纬度")

for i, values in enumerate(data):
    r = 4 + i
    for c, value in enumerate(values):
        if value == "":
            continue
        if c in (lon, lat) and i % 2 == 0:
            try:
                value = float(value)
            except ValueError:
                pass
        sheet.cell(row=r, column=c + 1, value=value)

# A district equal to the row above's is merged into it: the value stays in the top cell only.
start = 0
for i in range(1, len(data) + 1):
    if i == len(data) or data[i][district] != data[start][district] or data[start][district] == "":
        if i - start > 1:
            for j in range(start + 1, i):
                sheet.cell(row=4 + j, column=district + 1).value = None
            sheet.merge_cells(start_row=4 + start, start_column=district + 1, end_row=4 + i - 1, end_column=district + 1)
        start = i

end = 4 + len(data)
for r in range(end, end + 3):
    sheet.cell(row=r, column=1).number_format = "@"
sheet.cell(row=end + 3, column=2, value="   ")

notes = book.create_sheet("朝阳区")
notes.append(["编号", "站点名称", "类型", "经度", "纬度"])
notes.append(["CY-1", "朝阳门 暖心驿站", "暖心驿站", "116.441225", "39.925981"])
book.save(target)
