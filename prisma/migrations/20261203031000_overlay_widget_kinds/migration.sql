-- Two more overlay widgets (issue 16): the current LIVE's top gifter card, and a subathon timer that gains
-- time from gifts, likes and follows. Their settings and the timer's state live in overlays.settings.
ALTER TYPE "overlay_kind" ADD VALUE 'TOP_GIFTER';
ALTER TYPE "overlay_kind" ADD VALUE 'TIMER';
