#!/usr/bin/python3
"""Writes encrypted-libreoffice.xls, a password-protected Excel 97-2003 workbook (RC4 CryptoAPI), with
LibreOffice as an office PC would: opens a bundled sample and saves it with an open password.
(LibreOffice 7.4 saves .xlsx without encryption even when given a password, so the encrypted .xlsx
case is built in the tests as the OLE container Excel writes.) Run once by hand:
    /usr/bin/python3 tests/Reporting.Tests/Fixtures/hostile/make-encrypted.py
Needs LibreOffice (soffice) and its Python UNO bridge. The password is "pingxiang" (public, a fixture)."""
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
source = os.path.join(root, "functions/Reporting.Cli/SampleData/2022-12/anyuan/安源区2022年12月重大项目调度表.xlsx")

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
                           "--accept=socket,host=127.0.0.1,port=2099;urp;"])
try:
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(60):
        try:
            context = resolver.resolve("uno:socket,host=127.0.0.1,port=2099;urp;StarOffice.ComponentContext"); break
        except Exception:
            time.sleep(0.5)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    for name, filter_name in (("encrypted-libreoffice.xls", "MS Excel 97"),):
        document.storeToURL(uno.systemPathToFileUrl(os.path.join(here, name)), (prop("FilterName", filter_name), prop("Password", "pingxiang")))
    document.close(True)
    desktop.terminate()
finally:
    time.sleep(1)
    office.kill()
