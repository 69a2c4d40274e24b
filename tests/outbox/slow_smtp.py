"""A mail server that takes its time: it waits `delay` seconds before greeting each connection,
then speaks just enough SMTP to accept messages, which it keeps in `messages`."""

import contextlib
import socketserver
import threading
import time


class SlowSMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, delay):
        self.delay = delay
        self.connections = 0
        self.messages = []
        super().__init__(("127.0.0.1", 0), SMTPSession)

    @property
    def port(self):
        return self.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self.shutdown()
        self.server_close()


class SMTPSession(socketserver.StreamRequestHandler):
    REPLIES = {b"EHLO": b"250 slow.example", b"HELO": b"250 slow.example", b"RSET": b"250 OK"}

    def handle(self):
        self.server.connections += 1
        time.sleep(self.server.delay)
        self.reply(b"220 slow.example ESMTP")
        with contextlib.suppress(ConnectionError, TimeoutError):  # the client gave up waiting
            self.converse()

    def converse(self):
        for line in self.rfile:
            command = line[:4].upper()
            if command == b"DATA":
                self.reply(b"354 End data with <CR><LF>.<CR><LF>")
                self.server.messages.append(self.read_data())
                self.reply(b"250 OK queued")
            elif command == b"QUIT":
                self.reply(b"221 Bye")
                return
            else:
                self.reply(self.REPLIES.get(command, b"250 OK"))

    def read_data(self):
        lines = []
        for line in self.rfile:
            if line.rstrip(b"\r\n") == b".":
                break
            lines.append(line)
        return b"".join(lines)

    def reply(self, text):
        self.wfile.write(text + b"\r\n")
