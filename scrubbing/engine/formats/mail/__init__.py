"""E-mail formats: .eml (`message`), .mbox (`mbox`), Outlook .msg (`outlook`, written as .eml).

`headers` keeps the reviewed header fields and removes the rest; `html` reads HTML bodies.
"""
