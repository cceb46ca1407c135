import threading, time, signal
counter = 0
def work(x=[]):
    global counter
    counter += 1
    return [lambda: i for i in range(3)]
signal.signal(signal.SIGINT, lambda: 0)
t = threading.Thread(target=work)
t.start()
time.sleep(1)
grid = [[0] * 3] * 2
