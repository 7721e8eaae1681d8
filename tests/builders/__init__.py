"""The one home of test builders: real files made by their own libraries and real rows.

files         small real files (python-docx, openpyxl, python-pptx, reportlab, Pillow) and
              `need` (skips a test whose system tool is missing)
ooxml, pdf, mail, epub, legacy, verify, closed_world   files of one format, hostile parts too
adversarial   strings that make a non-linear pattern slow
accounts      users with verified e-mail addresses
tasks         tasks, task files and findings in the database (model-bakery)
uno_encrypt   run by the system python3: saves a password-protected file through LibreOffice
"""
