#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the seed corpus of the validator targets (fuzz_val_*): byte 0 = op + ops * flags, then UTF-16LE text.
import os
import sys

SID = "1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg"
INJECT = "../x?y#z%00\r\n\u202e\u200b\ufeff"
SURR = "\ud800a\udc00"
EMOJI = "\U0001F600"


def seed(target, name, ops, op, flags, text):
    sel = op + ops * flags
    assert 0 <= sel < 256, (target, name)
    data = bytes([sel]) + text.encode("utf-16-le", "surrogatepass")
    directory = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def session():
    s = lambda name, op, flags, text: seed("val_session", name, 5, op, flags, text)
    s("options", 0, 2, "Auto archive|640x480|203.0.113.7")
    s("options_name_80", 0, 2, "n" * 80 + "|1920x1080|")
    s("bad_options_name_81", 0, 2, "n" * 81 + "||")
    s("bad_options_relayed_always", 0, 3, "x||")
    s("bad_options_e2ee_always", 0, 6, "||")
    s("bad_options_location", 0, 0, "||256.1.1.1")
    s("signal", 1, 0, "chat|hello\nworld")
    s("signal_type_128", 1, 0, "t" * 128 + "|" + "d" * 8192)
    s("bad_signal_type_emoji", 1, 0, EMOJI * 32 + "x|")
    s("bad_signal_data_surrogate", 1, 0, "t|" + SURR)
    s("mute", 2, 1, "stream-1|stream-2")
    s("bad_mute_inject", 2, 1, "ok|" + INJECT)
    s("classes", 3, 0, "stream-1;focus;full|stream-2;")
    s("bad_classes_space", 3, 0, "stream-1;a b")
    s("bad_classes_empty", 3, 0, "")
    s("selection_add", 4, 2, "stream-1")
    s("selection_remove", 4, 1, "stream-1")
    s("bad_selection_id", 4, 0, "a/b")


def archive():
    s = lambda name, op, flags, text: seed("val_archive", name, 3, op, flags, text)
    s("layout_custom", 0, 4, "stream.focus { width: 100%; }\n")
    s("layout_screenshare", 0, 8 + 16 * 1, "")
    s("layout_stylesheet_10000", 0, 4, "a" * 10000)
    s("bad_layout_stylesheet_10001", 0, 4, "a" * 10001)
    s("bad_layout_screenshare_custom", 0, 8 + 16 * 4, "")
    s("transcription", 1, 1, "en-US")
    s("bad_transcription", 1, 0, "e")
    s("options", 2, 16, SID + "|name|tag|1280x720|||en-US")
    s("options_limits", 2, 0, SID + "|" + "n" * 200 + "|" + "t" * 200 + "|1920x1080|6000000")
    s("options_qp_15", 2, 0, SID + "||||" + "|15")
    s("options_custom_layout", 2, 64, SID + "||||||x|stream.focus{}")
    s("bad_options_bitrate", 2, 0, SID + "||||99999")
    s("bad_options_qp_41", 2, 0, SID + "|||||41")
    s("bad_options_both_tracks_off", 2, 3, SID)
    s("bad_options_name_201", 2, 0, SID + "|" + "n" * 201)
    s("bad_options_individual_resolution", 2, 4, SID + "|||1280x720")
    s("bad_options_injection", 2, 0, INJECT + "|" + EMOJI + SURR)


def broadcast():
    s = lambda name, op, flags, text: seed("val_broadcast", name, 2, op, flags, text)
    s("rtmp", 0, 0, "yt|rtmps://a.rtmp.example/live2|key")
    s("rtmp_ipv6", 0, 0, "|rtmp://[::1]:1935/app|k")
    s("bad_rtmp_http", 0, 0, "|http://a.example/live|k")
    s("bad_rtmp_nohost", 0, 0, "|rtmp:///live|k")
    s("bad_rtmp_crlf", 0, 0, "|rtmp://a.example/live\r\nX: y|k")
    s("options", 1, 0, SID + "|tag|1280x720|36000|6000000||a|rtmps://a.example/live|key|b|rtmp://b/x|k2")
    s("options_hls_dvr", 1, 2 + 4, SID + "||||||")
    s("options_min_duration", 1, 2, SID + "|||60|100000")
    s("bad_options_hls_dvr_lowlatency", 1, 2 + 4 + 8, SID)
    s("bad_options_duration_59", 1, 2, SID + "|||59")
    s("bad_options_no_output", 1, 0, SID)
    s("bad_options_six_rtmp", 1, 0, SID + "||||||" + "|rtmp://a/x|k" * 6)
    s("bad_options_duplicate_id", 1, 0, SID + "||||||a|rtmp://a/x|k|a|rtmp://b/x|k")


def storage():
    s = lambda name, op, flags, text: seed("val_storage", name, 2, op, flags, text)
    s("s3", 0, 1, "AK|SK|my.bucket|https://s3.example.com|s3")
    s("s3_bucket_63", 0, 0, "AK|SK|" + "b" * 63 + "||none")
    s("bad_s3_bucket_ipv4", 0, 0, "AK|SK|192.168.1.1")
    s("bad_s3_bucket_dots", 0, 0, "AK|SK|a..b")
    s("bad_s3_bucket_64", 0, 0, "AK|SK|" + "b" * 64)
    s("bad_s3_endpoint", 0, 0, "AK|SK|bucket|ftp://x")
    s("bad_s3_sse", 0, 0, "AK|SK|bucket||aes")
    s("azure", 1, 0, "acct|key|box-1|blob.core.windows.net")
    s("azure_limits", 1, 0, "a" * 24 + "|key|" + "c" * 63)
    s("bad_azure_account_25", 1, 0, "a" * 25 + "|key|box")
    s("bad_azure_container_hyphens", 1, 0, "acct|key|box--1")
    s("bad_azure_inject", 1, 0, INJECT + "|" + INJECT + "|" + INJECT)


def sip():
    s = lambda name, op, flags, text: seed("val_sip", name, 2, op, flags, text)
    s("dtmf", 0, 0, "0123456789*#p")
    s("dtmf_256", 0, 0, "p" * 256)
    s("bad_dtmf_257", 0, 0, "1" * 257)
    s("bad_dtmf_letter", 0, 0, "12a")
    s("bad_dtmf_empty", 0, 0, "")
    s("dial", 1, 1 + 2, SID + "|tok|sip:alice@sip.example.com;transport=tls|bob@example.com|user|pw|X-A|v|X-B|w||s1|s2")
    s("dial_host_only", 1, 0, SID + "|tok|sips:sip.example.com")
    s("bad_dial_uri", 1, 0, SID + "|tok|http://x")
    s("bad_dial_header_crlf", 1, 0, SID + "|tok|sip:a@b||||X-A|v\r\nX-Evil: 1")
    s("bad_dial_header_duplicate", 1, 0, SID + "|tok|sip:a@b||||X-A|v|x-a|w")
    s("bad_dial_password_only", 1, 0, SID + "|tok|sip:a@b|||pw")
    s("bad_dial_uri_1025", 1, 0, SID + "|tok|sip:" + "a" * 1021)


def ids():
    s = lambda name, op, flags, text: seed("val_ids", name, 8, op, flags, text)
    s("id", 0, 0, "b40ef09b-3811-4726-b508-e41a0f96c68f")
    s("id_255", 0, 0, "i" * 255)
    s("bad_id_256", 0, 0, "i" * 256)
    s("bad_id_inject", 0, 0, INJECT)
    s("bad_id_surrogate", 0, 0, "a" + SURR)
    s("session_id", 1, 0, SID)
    s("bad_session_id", 1, 0, SID + "=")
    s("text_emoji_200", 2, 1, EMOJI * 200)
    s("bad_text_201", 2, 1, "t" * 201)
    s("utf8_128", 3, 0, "\u00e9" * 64)
    s("bad_utf8_129", 3, 1, "\u00e9" * 64 + "x")
    s("unicode", 4, 0, "a\u0000\u0085" + SURR)
    s("project", 5, 0, "My project")
    s("bad_project_256", 5, 0, "p" * 256)
    s("list", 6, 0, "0|50|" + SID)
    s("list_max", 6, 0, "0|1000|")
    s("bad_list_1001", 6, 0, "0|1001|")
    s("bad_list_offset", 6, 0, "-1|50|")
    s("token", 7, 0, SID + "|name=alice|focus|full")
    s("token_t1_30d", 7, 28, SID + "|" + "d" * 1000)
    s("token_moderator_30d", 7, 16, SID + "||" + "c" * 999)
    s("bad_token_expired", 7, 1, SID)
    s("bad_token_30d_plus_1", 7, 5, SID)
    s("bad_token_data_1001", 7, 0, SID + "|" + "d" * 1001)
    s("bad_token_class_space", 7, 0, SID + "||a b")


for family in (session, archive, broadcast, storage, sip, ids):
    family()
