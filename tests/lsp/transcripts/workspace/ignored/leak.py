import signal


def on_term():
    pass


signal.signal(signal.SIGTERM, on_term)
