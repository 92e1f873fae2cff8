"""Printed and exported documents (reportlab PDFs, Excel, CSV). No widgets."""
