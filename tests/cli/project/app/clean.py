import signal


def on_term(signum, frame):
    raise SystemExit(0)


signal.signal(signal.SIGTERM, on_term)
