"""Edits an exported station workbook as a union office would in a spreadsheet program, with openpyxl (an independent
reader and writer): renames the first station, and adds a station below the last row, copying the first one's other
columns with a new external id and name.

usage: edit_export.py IN.xlsx OUT.xlsx"""
import sys

from openpyxl import load_workbook

book = load_workbook(sys.argv[1])
sheet = book.worksheets[0]
header = [cell.value for cell in sheet[1]]
name, external_id = header.index("name") + 1, header.index("external_id") + 1
first = [cell.value for cell in sheet[2]]
sheet.cell(row=2, column=name, value=str(first[name - 1]) + "（已更新）")
row = sheet.max_row + 1
for column, value in enumerate(first, start=1):
    sheet.cell(row=row, column=column, value=value)
sheet.cell(row=row, column=external_id, value="NEW-001")
sheet.cell(row=row, column=name, value="新增的 暖心驿站")
book.save(sys.argv[2])
