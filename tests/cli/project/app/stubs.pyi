import signal

def handler() -> None: ...

signal.signal(signal.SIGINT, handler)
