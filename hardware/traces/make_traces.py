#!/usr/bin/env python3
"""Writes the umockdev replay files the USB tests run bhm-scan against.

Each trace is a `.umockdev` device description (sysfs attributes, USB descriptors, the
HID report descriptor the kernel would show) plus a `.ioctl` script that umockdev replays
to libusb: one `USBDEVFS_REAPURBNDELAY` line per USB transfer the reader answers,
    USBDEVFS_REAPURBNDELAY 0 <type> <endpoint> <status> <flags> <buffer length> <actual length> <errors> <hex data>
with type 1 = interrupt, 2 = control, 3 = bulk, endpoint in decimal (129 = 0x81 IN).
The buffer length must equal what bhm_usb asks for (the endpoint's wMaxPacketSize), or
umockdev will not match the transfer. umockdev starts over at the first line after the
last (and whenever the device is opened again), so a trace repeats for as long as the
program keeps reading.

Usage: make_traces.py            (re)write the files next to this script
       make_traces.py --check    exit 1 if a committed file differs from what would be written
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GS = "\x1d"

# ---- USB descriptors -------------------------------------------------------------

def le16(v):
    return [v & 0xFF, v >> 8]

def device_descriptor(vid, pid, device_class=0):
    return [18, 1, *le16(0x0200), device_class, 0, 0, 64, *le16(vid), *le16(pid), *le16(0x0100), 1, 2, 0, 1]

def interface(number, cls, sub, proto, endpoints, extra=()):
    return [9, 4, number, 0, len(endpoints), cls, sub, proto, 0, *extra] + [b for e in endpoints for b in e]

def endpoint(address, attributes, max_packet, interval):
    return [7, 5, address, attributes, *le16(max_packet), interval]

def hid_descriptor(report_length):
    return [9, 0x21, *le16(0x0111), 0, 1, 0x22, *le16(report_length)]

def configuration(interfaces):
    body = [b for i in interfaces for b in i]
    return [9, 2, *le16(9 + len(body)), len(interfaces), 1, 0, 0x80, 50] + body

# HID 1.11 Appendix E.6: the boot keyboard report descriptor.
KEYBOARD_REPORT = bytes.fromhex(
    "05010906a101050719e029e71500250175019508810295017508810195057501"
    "05081901290591029501750391019506750815002565050719002965810" "0c0")

# A HID POS scanner (USB HID Point of Sale Usage Tables, page 0x8C): report 2 =
# Byte Count, Symbology Identifier 1..3, 56 bytes Decoded Data, 2 vendor bytes,
# Decoded Data Continued + 7 padding bits: 1 + 63 = 64 bytes.
POS_REPORT = bytes.fromhex(
    "058c0902a1010912a1028502150026ff0075089501"
    "0501093b8102"
    "058c09fb09fc09fd95038102"
    "953809fe820201"
    "95028101"
    "7501950109ff81029507810" "1c0c0")

# ---- keyboard reports ---------------------------------------------------------------

SHIFT, CTRL, ALTGR = 0x02, 0x01, 0x40
NO_KEYS = {  # character -> (modifiers, usage) on the Norwegian layout
    "]": (ALTGR, 0x26), "-": (0, 0x38), "+": (0, 0x2D), "/": (SHIFT, 0x24),
    "(": (SHIFT, 0x25), ")": (SHIFT, 0x26), GS: (CTRL, 0x30), "\r": (0, 0x28),
}
for i, c in enumerate("abcdefghijklmnopqrstuvwxyz"):
    NO_KEYS[c] = (0, 0x04 + i)
    NO_KEYS[c.upper()] = (SHIFT, 0x04 + i)
for i, c in enumerate("1234567890"):
    NO_KEYS[c] = (0, 0x1E + i)

def keyboard_reports(text):
    """Press and release for every character, as handheld wedges send them."""
    out = []
    for c in text:
        mods, usage = NO_KEYS[c]
        out.append(bytes([mods, 0, usage, 0, 0, 0, 0, 0]))
        out.append(bytes(8))
    return out

# ---- HID POS reports ------------------------------------------------------------------

def pos_reports(aim, data, chunk=56):
    parts = [data[i:i + chunk] for i in range(0, len(data), chunk)]
    out = []
    for n, part in enumerate(parts):
        body = part.encode("ascii")
        report = bytes([0x02, len(body)]) + aim.encode("ascii") + body.ljust(chunk, b"\0")
        report += bytes([0x00, 0x00, 1 if n + 1 < len(parts) else 0])
        assert len(report) == 64
        out.append(report)
    return out

# ---- file writers -----------------------------------------------------------------------

def umockdev_text(devnum, vid, pid, product, descriptors, interfaces):
    """interfaces: list of (number, class, driver, report descriptor or None)."""
    port = f"1-{devnum}"
    path = f"/devices/pci0000:00/0000:00:14.0/usb1/{port}"
    lines = [f"P: {path}", f"N: bus/usb/001/{devnum:03d}", f"E: DEVNAME=/dev/bus/usb/001/{devnum:03d}",
             "E: DEVTYPE=usb_device", "E: DRIVER=usb", "E: SUBSYSTEM=usb", "E: BUSNUM=001", f"E: DEVNUM={devnum:03d}",
             "A: busnum=1\\n", f"A: devnum={devnum}\\n", "A: speed=12\\n", "A: bConfigurationValue=1\\n",
             f"A: idVendor={vid:04x}\\n", f"A: idProduct={pid:04x}\\n", f"A: product={product}\\n",
             "H: descriptors=" + bytes(descriptors).hex().upper(), ""]
    for number, cls, driver, report in interfaces:
        ipath = f"{path}/{port}:1.{number}"
        lines += [f"P: {ipath}", "E: DEVTYPE=usb_interface", f"E: DRIVER={driver}", "E: SUBSYSTEM=usb",
                  f"A: bInterfaceClass={cls:02x}\\n", f"A: bInterfaceNumber={number:02x}\\n", ""]
        if report is not None:
            lines += [f"P: {ipath}/0003:{vid:04X}:{pid:04X}.{devnum:04X}", "E: DRIVER=hid-generic",
                      "E: SUBSYSTEM=hid", "H: report_descriptor=" + report.hex().upper(), ""]
    return "\n".join(lines)

def reap(kind, ep, buffer_length, data=b"", status=0):
    return f"USBDEVFS_REAPURBNDELAY 0 {kind} {ep} {status} 0 {buffer_length} {len(data)} 0 {data.hex().upper()}"

INTERRUPT, CONTROL, BULK = 1, 2, 3
SET_LINE_STATE = bytes.fromhex("2122030000000000")  # CDC SET_CONTROL_LINE_STATE DTR|RTS, interface 0
SET_BOOT_PROTOCOL = bytes.fromhex("210B000000000000")  # HID SET_PROTOCOL boot, interface 0

def hid_device(devnum, vid, pid, product, sub, proto, report, packet):
    cfg = configuration([interface(0, 3, sub, proto, [endpoint(0x81, 3, packet, 1)], hid_descriptor(len(report)))])
    return umockdev_text(devnum, vid, pid, product, device_descriptor(vid, pid) + cfg, [(0, 3, "usbhid", report)])

def cdc_device(devnum, vid, pid, product):
    functional = bytes.fromhex("0524001001" "0524010001" "04240202" "0524060001")
    comm = interface(0, 2, 2, 1, [endpoint(0x83, 3, 8, 16)], functional)
    data = interface(1, 0x0A, 0, 0, [endpoint(0x81, 2, 64, 0), endpoint(0x02, 2, 64, 0)])
    cfg = configuration([comm, data])
    return umockdev_text(devnum, vid, pid, product, device_descriptor(vid, pid, 2) + cfg,
                         [(0, 2, "cdc_acm", None), (1, 0x0A, "cdc_acm", None)])

def bulk_packets(text, sizes):
    raw, out, at = text.encode("ascii"), [], 0
    for size in sizes:
        out.append(raw[at:at + size])
        at += size
    assert at == len(raw), "packet sizes must cover the text exactly"
    return out

def traces():
    gs1 = "]d2" + "0109506000134352" + "17270101" + "10ABC123" + GS + "21SN42"
    yield "wedge_no_gs1", hid_device(2, 0x05E0, 0x1200, "Symbol Bar Code Scanner", 1, 1, KEYBOARD_REPORT, 8), \
        [reap_setup(SET_BOOT_PROTOCOL)] + [reap(INTERRUPT, 129, 8, r) for r in keyboard_reports(gs1 + "\r")]

    long_gs1 = "0109506000134352" + "17270101" + "10LOT-2026-0001-ABCDEF" + GS + "21SN000000000000004242"
    yield "hid_pos_two_reports", hid_device(3, 0x16C0, 0x03E9, "Test HID POS reader", 0, 0, POS_REPORT, 64), \
        [reap(INTERRUPT, 129, 64, r) for r in pos_reports("]d2", long_gs1)]

    two = "]C1" + "0109506000134352" + "17270101" + "10LOT7" + "\r\n" + "]C1" + "0109506000134352" + "21SN43" + "\r\n"
    yield "cdc_acm_two_scans", cdc_device(4, 0x05E0, 0x1701, "Symbol Bar Code Scanner (CDC)"), \
        [reap_control()] + [reap(BULK, 129, 64, p) for p in bulk_packets(two, [20, 14, 27, 1])]

    yield "keyboard_plain", hid_device(5, 0x16C0, 0x03E8, "Test keyboard", 1, 1, KEYBOARD_REPORT, 8), \
        [reap_setup(SET_BOOT_PROTOCOL)] + [reap(INTERRUPT, 129, 8, r) for r in keyboard_reports("hello\r")]

    # Unplugged after one scan (URB status -ENODEV). umockdev replays a device file from
    # its first line each time it is opened, so the reader, claimed again, repeats the scan.
    scan = "]C1" + "0109506000134352" + "21SN44\r\n"
    yield "cdc_acm_unplug", cdc_device(6, 0x05E0, 0x1701, "Symbol Bar Code Scanner (CDC)"), \
        [reap_control(), reap(BULK, 129, 64, scan.encode()), reap(BULK, 129, 64, status=-19)]

def reap_setup(setup):
    # A control OUT transfer without data: the 8 setup bytes are the buffer, nothing comes back.
    return f"USBDEVFS_REAPURBNDELAY 0 {CONTROL} 0 0 0 8 0 0 {setup.hex().upper()}"

def reap_control():
    return reap_setup(SET_LINE_STATE)

def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name, device, ioctl in traces():
        for suffix, text in ((".umockdev", device + "\n"), (".ioctl", "\n".join(ioctl) + "\n")):
            path = os.path.join(HERE, name + suffix)
            if check:
                try:
                    with open(path) as f:
                        if f.read() != text:
                            stale.append(path)
                except OSError:
                    stale.append(path)
            else:
                with open(path, "w") as f:
                    f.write(text)
    if stale:
        print("out of date (run hardware/traces/make_traces.py):", *stale, sep="\n  ")
        return 1
    return 0

if __name__ == "__main__":
    sys.exit(main())
